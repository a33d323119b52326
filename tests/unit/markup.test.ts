import { describe, expect, it } from 'vitest';
import { scanBody } from '../../src/lib/body.ts';
import { markupProblems } from '../../src/lib/markup.ts';

/** The rule and line of each problem in a text. */
function problems(body: string, format: 'md' | 'mdx', allowCode = false): string[] {
  return markupProblems(scanBody(body, format), allowCode).map((p) => `${p.line} ${p.ruleId}`);
}

describe('elements that have no place in a policy', () => {
  for (const element of ['meta http-equiv="refresh" content="0;url=https://evil.example/"', 'base href="https://evil.example/"', 'script', 'iframe src="https://evil.example/"', 'object data="x.swf"', 'embed src="x.swf"', 'form action="https://evil.example/"', 'style', 'link rel="stylesheet" href="https://evil.example/x.css"', 'svg', 'input', 'textarea', 'button', 'select']) {
    const name = element.split(' ')[0]!;
    it(`<${name}> in raw HTML (.md) and in JSX (.mdx)`, () => {
      expect(problems(`Text.\n\n<${element}>\n`, 'md')).toContain('3 forbidden-element');
      expect(problems(`Text.\n\n<${element}></${name}>\n`, 'mdx')).toContain('3 forbidden-element');
    });
  }
  it('accepts plain HTML: abbr, sup, details, a table cell, an image', () => {
    expect(problems('<abbr title="Know your client">KYC</abbr> <sup>1</sup>\n\n<details><summary>More</summary>Text</details>\n\n<img src="./d.png" alt="Diagram">\n', 'md')).toEqual([]);
    expect(problems('<abbr title="Know your client">KYC</abbr> <br />\n', 'mdx')).toEqual([]);
  });
  it('is not fooled by upper case or by an element that merely looks like text', () => {
    expect(problems('<META HTTP-EQUIV="refresh" CONTENT="0">\n', 'md')).toEqual(['1 forbidden-element', '1 forbidden-attribute']);
    expect(problems('Write `<script>` in code, or 3 < 4 > 2.\n\n```html\n<script>alert(1)</script>\n```\n', 'md')).toEqual([]);
  });
});

describe('attributes and addresses that run code', () => {
  it('refuses event handlers in HTML and JSX', () => {
    expect(problems('Text <img src="x.png" onerror="alert(1)"> more\n', 'md')).toEqual(['1 forbidden-attribute']);
    expect(problems('Text <span onClick="alert(1)">x</span>\n', 'mdx')).toEqual(['1 forbidden-attribute']);
    expect(problems('<div\n  onmouseover=alert(1)>x</div>\n', 'md')).toEqual(['1 forbidden-attribute']);
  });
  it('refuses javascript:, vbscript: and data: links in Markdown, HTML and JSX, however written', () => {
    expect(problems('[Click](javascript:alert(1))\n', 'md')).toEqual(['1 forbidden-link']);
    expect(problems('[Click](JaVaScRiPt:alert(1))\n', 'md')).toEqual(['1 forbidden-link']);
    expect(problems('[x]: vbscript:msgbox\n\nSee [x].\n', 'md')).toEqual(['1 forbidden-link']);
    expect(problems('<a href="java\tscript:alert(1)">x</a>\n', 'md')).toEqual(['1 forbidden-link']);
    expect(problems('<a href=javascript:alert(1)>x</a>\n', 'md')).toEqual(['1 forbidden-link']);
    expect(problems('<a href="data:text/html,<script>alert(1)</script>">x</a>\n', 'mdx')).toEqual(['1 forbidden-link']);
    expect(problems('<iframe src="javascript:alert(1)"></iframe>\n', 'mdx')).toEqual(['1 forbidden-element', '1 forbidden-link']);
  });
  it('allows data: images and ordinary addresses', () => {
    expect(problems('![Dot](data:image/png;base64,iVBORw0KGgo=) [Site](https://firm.example/) [Mail](mailto:a@firm.example) [Policy](/policies/x/)\n', 'md')).toEqual([]);
    expect(problems('![Page](data:text/html;base64,PHNjcmlwdD4=)\n', 'md')).toEqual(['1 forbidden-link']);
  });
});

describe('MDX code: refused unless handbook.yaml allows it', () => {
  const code = [
    'import secret from "../../../../etc/passwd?raw"',
    '',
    'export const x = 1',
    '',
    'The secret is {secret} and {1 + 1}.',
    '',
    '<abbr title={secret} {...props}>x</abbr>',
    '',
    '{/* an editor\'s note runs nothing */}',
  ].join('\n');
  it('reports each import, export, expression and computed attribute with its line', () => {
    expect(problems(code, 'mdx')).toEqual(['1 code-in-content', '3 code-in-content', '5 code-in-content', '5 code-in-content', '7 code-in-content', '7 code-in-content']);
  });
  it('accepts them all when the firm allows code', () => {
    expect(problems(code, 'mdx', true)).toEqual([]);
  });
  it('accepts the built-in agreement components written with plain attributes', () => {
    expect(problems('<Field name="clientName" /> <Signature party="client" /> <HandbookEdition /> <CurrentPolicies />\n', 'mdx')).toEqual([]);
  });
});
