/**
 * Heading ids: the addresses lawyers cite (`/policies/x/#confidential-channels`).
 *
 * A heading's id comes from its text (`## Before you send` → `before-you-send`) unless the
 * author fixes it with Sätteri's heading attributes, so a renamed heading keeps its citations:
 *
 *     ## Agreeing channels with clients {#confidential-channels aliases="talking-to-clients-about-channels"}
 *
 * `aliases` lists earlier ids that keep working: each becomes a second anchor on the same
 * heading. (Sätteri keeps only the last of several `#id`s, so old ids need an attribute of their own.)
 * One rule for the renderer (src/integrations/hast-handbook.ts), the content check and the redline.
 */
import GithubSlugger from 'github-slugger';

/** The parser features every reading of policy and agreement text uses, so they all see the same text. */
export const MARKDOWN_FEATURES = { gfm: true, headingAttributes: true } as const;

/**
 * Ids the page itself uses around the text (layout, policy page, agreement page): a heading
 * taking one would break the skip link, a label or a landmark. Generated ids step round them
 * (`## Main` → `main-1`); an explicit one is a content error.
 */
const RESERVED_IDS: ReadonlySet<string> = new Set([
  'main',
  'header-q',
  'menu-button',
  'site-nav',
  'chapters-menu',
  'theme-toggle',
  'on-this-page',
  'changes-heading',
  'related-heading',
  'fill-heading',
  'text-heading',
  'paper-size',
  'relies-on-heading',
  'footnote-label',
  'copy-status',
]);
/** Id prefixes the page uses for its own elements (agreement form fields, GFM footnotes). */
const RESERVED_PREFIXES: readonly string[] = ['field-', 'user-content-'];

/** What an explicit id may look like: it goes into addresses, so plain lower-case words. */
const HEADING_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** Heading attributes an author may write; anything else (`onclick`, `style`) is refused. */
const HEADING_ATTRIBUTES = ['id', 'aliases'] as const;

function isReservedId(id: string): boolean {
  return RESERVED_IDS.has(id) || RESERVED_PREFIXES.some((p) => id.startsWith(p));
}

/** Why an id written by the author cannot be used, or undefined when it can. */
function headingIdProblem(id: string): string | undefined {
  if (!HEADING_ID.test(id)) return `"${id}" is not a usable id, expected lower-case letters, digits and single hyphens, starting with a letter (e.g. {#confidential-channels})`;
  if (isReservedId(id)) return `"${id}" is used by the page itself, expected another id`;
  return undefined;
}

/** The ids in an `aliases="a b"` attribute. */
export function aliasList(value: unknown): string[] {
  return typeof value === 'string' ? value.split(/[\s,]+/).filter(Boolean) : [];
}

/**
 * Gives out a text's heading ids in document order: explicit ids as written, the others from
 * the heading text (GitHub's rule: `-1`, `-2` for repeats), never an id taken earlier in the
 * text (explicit, alias or generated) or one the page itself uses. An explicit id that repeats
 * an earlier one is the content check's to report (`headingIssues`).
 */
export class HeadingIds {
  readonly #slugger = new GithubSlugger();
  readonly #taken = new Set<string>();

  /** The id for a heading: `explicit` when given, else a slug of its text that is not taken. */
  next(text: string, explicit?: string, aliases: readonly string[] = []): string {
    for (const alias of aliases) this.#taken.add(alias);
    if (explicit) {
      this.#taken.add(explicit);
      return explicit;
    }
    // A text-made id in the page's own namespaces (`field-…`) moves out of them; each call counts up, so this ends.
    const made = () => {
      const slug = this.#slugger.slug(text);
      return RESERVED_PREFIXES.some((p) => slug.startsWith(p)) ? `section-${slug}` : slug;
    };
    let id = made();
    while (this.#taken.has(id) || RESERVED_IDS.has(id)) id = made();
    this.#taken.add(id);
    return id;
  }
}

/** A heading as the content check reads it (src/lib/body.ts). */
export interface HeadingUse {
  text: string;
  /** 1-based line, counted from the body's first line. */
  line: number;
  /** Every heading attribute written (`{#x aliases="y"}` → `{ id: 'x', aliases: 'y' }`). */
  attributes: Record<string, string>;
}

/** A problem with a text's heading ids, at a body line. */
export interface HeadingProblem {
  line: number;
  message: string;
}

/**
 * Checks the ids a text's headings get: attributes other than `id` and `aliases`, unusable or
 * reserved ids, and any id (explicit, alias or generated) given to two headings.
 */
export function headingProblems(headings: readonly HeadingUse[]): HeadingProblem[] {
  const problems: HeadingProblem[] = [];
  const ids = new HeadingIds();
  const seen = new Map<string, number>();
  for (const h of headings) {
    for (const name of Object.keys(h.attributes)) {
      if (!(HEADING_ATTRIBUTES as readonly string[]).includes(name)) {
        problems.push({ line: h.line, message: `Heading "${h.text}" has the attribute "${name}", expected only {#id} and aliases="old-id …"` });
      }
    }
    const explicit = h.attributes['id'];
    const aliases = aliasList(h.attributes['aliases']);
    for (const id of [...(explicit !== undefined ? [explicit] : []), ...aliases]) {
      const problem = headingIdProblem(id);
      if (problem) problems.push({ line: h.line, message: `Heading "${h.text}": ${problem}` });
    }
    const id = ids.next(h.text, explicit || undefined, aliases);
    for (const given of [id, ...aliases]) {
      const before = seen.get(given);
      if (before !== undefined) problems.push({ line: h.line, message: `Heading "${h.text}" uses the id "${given}", which the heading on line ${before} already has, expected each id once in a text` });
      else seen.set(given, h.line);
    }
  }
  return problems;
}

/**
 * Every id a text's headings answer to, explicit, alias or made from the text, as the renderer
 * gives them out: what `check` accepts after a `#` in a link to that text.
 */
export function headingIds(headings: readonly HeadingUse[]): Set<string> {
  const ids = new HeadingIds();
  const found = new Set<string>();
  for (const h of headings) {
    const aliases = aliasList(h.attributes['aliases']);
    found.add(ids.next(h.text, h.attributes['id'] || undefined, aliases));
    for (const alias of aliases) found.add(alias);
  }
  return found;
}
