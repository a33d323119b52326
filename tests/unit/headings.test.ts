import { describe, expect, it } from 'vitest';
import { scanBody } from '../../src/lib/body.ts';
import { parseBlocks } from '../../src/lib/diff/parse.ts';
import { headingProblems, HeadingIds } from '../../src/lib/headings.ts';

// The renderer's output (src/integrations/hast-handbook.ts) is checked on the built site: tests/e2e/reading.spec.ts.
describe('heading ids', () => {
  it('steps round the ids the page itself uses and ids taken earlier in the text', () => {
    const given = new HeadingIds();
    // By hand: main → main-1; field-… is the form's, so section-…; a repeat → -1; an explicit a-b-1 makes the next repeat -2.
    expect([given.next('Main'), given.next('Field notes'), given.next('A b'), given.next('A b', 'a-b-1'), given.next('A b'), given.next('Old', 'new', ['old']), given.next('Old')]).toEqual(['main-1', 'section-field-notes', 'a-b', 'a-b-1', 'a-b-2', 'new', 'old-1']);
  });
});

describe('the content check of heading ids', () => {
  it('reports bad, reserved, foreign and repeated ids with their lines', () => {
    const body = '## Purpose\n\n## Intro {#purpose}\n\n## Skip {#main}\n\n## Odd {#Bad_Id}\n\n## Styled {#s style="x"}\n\n## New {#n aliases="purpose"}\n';
    const { headings } = scanBody(body, 'mdx');
    expect(headingProblems(headings)).toEqual([
      { line: 3, message: 'Heading "Intro" uses the id "purpose", which the heading on line 1 already has, expected each id once in a text' },
      { line: 5, message: 'Heading "Skip": "main" is used by the page itself, expected another id' },
      { line: 7, message: 'Heading "Odd": "Bad_Id" is not a usable id, expected lower-case letters, digits and single hyphens, starting with a letter (e.g. {#confidential-channels})' },
      { line: 9, message: 'Heading "Styled" has the attribute "style", expected only {#id} and aliases="old-id …"' },
      { line: 11, message: 'Heading "New" uses the id "purpose", which the heading on line 1 already has, expected each id once in a text' },
    ]);
  });
});

describe('the redline reads heading text without the id syntax', () => {
  it('compares the words only', () => {
    const blocks = parseBlocks('## Agreeing channels {#confidential-channels aliases="old"}\n');
    expect(JSON.stringify(blocks)).not.toContain('confidential-channels');
    expect(JSON.stringify(blocks)).toContain('Agreeing channels');
  });
});
