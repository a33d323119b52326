/** The message for a text whose own code throws while its page is built (src/lib/text-error.ts); the build's side is in build-errors.test.ts. */
import { describe, expect, it } from 'vitest';
import { textCodeFailure } from '../../src/lib/text-error.ts';

const EXPECTED = 'Expected code that runs without an error (allowCode in handbook.yaml lets texts run code), or plain text instead.';

describe('textCodeFailure', () => {
  it('names the line of the only expression, counted in the whole file', () => {
    // The body starts on line 11; the expression is its third line.
    const file = { file: 'content/policies/a/1.0.mdx', format: 'mdx' as const, bodyLine: 11, body: '\nText.\n{boom()}\n' };
    expect(textCodeFailure(file, new Error('boom is not defined\n    at x.mjs:1:1'))).toBe(`content/policies/a/1.0.mdx:13 → body: The expression in the text failed while its page was built: boom is not defined. ${EXPECTED}`);
  });

  it('lists the lines when there are several expressions, and reads what was thrown when it is not an Error', () => {
    const file = { file: 'a.mdx', format: 'mdx' as const, bodyLine: 5, body: '{1}\n\n{2}\n' };
    expect(textCodeFailure(file, 'plain string.')).toBe(`a.mdx → body: One of the expressions (lines 5, 7) in the text failed while its page was built: plain string. ${EXPECTED}`);
  });

  it('falls back to the error\'s name when it has no message, and to the file alone without expressions', () => {
    const file = { file: 'a.mdx', format: 'mdx' as const, bodyLine: 5, body: 'Text only.\n' };
    expect(textCodeFailure(file, new TypeError(''))).toBe(`a.mdx → body: The code in the text failed while its page was built: TypeError. ${EXPECTED}`);
  });
});
