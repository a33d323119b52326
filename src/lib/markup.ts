/**
 * What policy and agreement text may contain besides Markdown. Staff write it, and readers
 * trust the handbook's address: no element that runs code, loads another document, sends a
 * form or moves the reader elsewhere (a Content-Security-Policy stops scripts, not a
 * `<meta http-equiv="refresh">` or a `<base>`); no MDX code (imports, exports, expressions)
 * unless handbook.yaml's `allowCode` says the firm wants it.
 */
import type { BodyScan } from './body.ts';

/** A problem in a text, at a line counted from the body's first line. */
export interface MarkupProblem {
  line: number;
  message: string;
  ruleId: 'forbidden-element' | 'forbidden-attribute' | 'forbidden-link' | 'code-in-content';
}

/** Elements with no place in a policy, and why. */
const FORBIDDEN_ELEMENTS: Record<string, string> = {
  script: 'it runs code',
  noscript: 'it holds markup for browsers without scripts',
  style: 'it restyles the whole site',
  link: 'it loads another resource into the page',
  meta: 'it can send readers to another address or change how the page is read',
  base: 'it changes where every link on the page points',
  iframe: 'it embeds another document',
  frame: 'it embeds another document',
  frameset: 'it embeds other documents',
  object: 'it embeds another document or plug-in',
  embed: 'it embeds a plug-in',
  applet: 'it embeds a plug-in',
  portal: 'it embeds another document',
  template: 'it holds hidden markup',
  form: 'it sends what readers type elsewhere',
  input: 'it is a form control (agreements use <Field />)',
  button: 'it is a form control',
  textarea: 'it is a form control (agreements use <Field />)',
  select: 'it is a form control (agreements use <Field />)',
  svg: 'inline SVG can hold scripts and links: use an image file (![…](./diagram.svg))',
  math: 'it can hold links and scripts',
};

/** Attributes that run code or replace the document, whatever the element. */
const FORBIDDEN_ATTRIBUTE = /^(?:on[a-z]+|srcdoc|formaction|http-equiv|httpequiv)$/i;
/** Attributes whose value is an address (`href` is checked with the links: scan.links holds it). */
const URL_ATTRIBUTE = /^(?:src|action|formaction|xlink:href|poster|background|cite|data|srcset)$/i;
/** Browsers ignore tabs, line breaks and controls inside a scheme: `java\tscript:` still runs. */
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

function scheme(url: string): string | undefined {
  return SCHEME.exec(url.replace(/[\u0000-\u0020\u007f]/g, ''))?.[1]?.toLowerCase();
}

/** What is wrong with an address, or undefined. `data:` images are allowed where an image is shown. */
function badUrl(url: string, image: boolean): string | undefined {
  const found = scheme(url);
  if (found === 'javascript' || found === 'vbscript') return `a ${found}: address runs code`;
  if (found === 'data' && !(image && /^\s*data:image\/(?:png|gif|jpeg|webp|avif);/i.test(url))) return 'a data: address can hold a whole document';
  return undefined;
}

/**
 * The problems in one scanned text.
 *
 * @param allowCode handbook.yaml's `allowCode`: imports, exports and expressions are then the firm's choice
 */
export function markupProblems(scan: BodyScan, allowCode: boolean): MarkupProblem[] {
  const problems: MarkupProblem[] = [];
  for (const element of scan.elements) {
    const why = Object.hasOwn(FORBIDDEN_ELEMENTS, element.name) ? FORBIDDEN_ELEMENTS[element.name] : undefined;
    if (why) problems.push({ line: element.line, message: `The <${element.name}> element is not allowed in policy or agreement text: ${why}. Expected Markdown and plain HTML such as <abbr>, <sup> or <details>.`, ruleId: 'forbidden-element' });
    for (const attribute of element.attributes) {
      if (FORBIDDEN_ATTRIBUTE.test(attribute.name)) {
        problems.push({ line: element.line, message: `The ${attribute.name} attribute on <${element.name}> is not allowed: it runs code or replaces the page. Expected plain attributes.`, ruleId: 'forbidden-attribute' });
      } else if (URL_ATTRIBUTE.test(attribute.name) && attribute.value !== undefined) {
        const bad = badUrl(attribute.value, element.name === 'img' && attribute.name.toLowerCase() === 'src');
        if (bad) problems.push({ line: element.line, message: `The ${attribute.name} of <${element.name}> is not allowed: ${bad}. Expected a site path, a relative file or an https: address.`, ruleId: 'forbidden-link' });
      }
    }
  }
  for (const [links, image] of [[scan.links, false], [scan.images, true]] as const) {
    for (const link of links) {
      const bad = badUrl(link.href, image);
      if (bad) problems.push({ line: link.line, message: `The ${image ? 'image' : 'link'} "${link.href}" is not allowed: ${bad}. Expected a site path, a relative file or an https: address.`, ruleId: 'forbidden-link' });
    }
  }
  if (!allowCode) {
    for (const code of scan.code) {
      const shown = code.text.length > 60 ? `${code.text.slice(0, 57)}…` : code.text;
      problems.push({
        line: code.line,
        message: `MDX code is not allowed in content (${code.kind}: ${shown.replace(/\s+/g, ' ')}): it runs on the build machine. Write { as \\{ for a brace in text; a firm that wants code in its content sets allowCode: true in handbook.yaml.`,
        ruleId: 'code-in-content',
      });
    }
  }
  return problems;
}
