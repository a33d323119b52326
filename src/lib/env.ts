/**
 * The one place that reads the environment: which content folder, which "today",
 * which base path and site address. Everything else takes these as arguments.
 */
import { resolve } from 'node:path';
import { localToday, parseCalendarDate, type CalendarDate } from './dates.ts';

export class EnvError extends Error {
  override name = 'EnvError';
}

/** `HANDBOOK_CONTENT`, resolved against the working directory; `content/` there by default. */
export function contentDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env['HANDBOOK_CONTENT'] || 'content');
}

/** `HANDBOOK_TODAY` (YYYY-MM-DD) for reproducible builds and tests; the machine's date otherwise. */
export function today(env: NodeJS.ProcessEnv = process.env): CalendarDate {
  const fixed = env['HANDBOOK_TODAY'];
  if (!fixed) return localToday();
  const date = parseCalendarDate(fixed);
  if (!date) throw new EnvError(`HANDBOOK_TODAY is "${fixed}", expected a calendar date written YYYY-MM-DD.`);
  return date;
}

/** Normalises a base path to start and end with "/". */
export function normaliseBase(base: string): string {
  const trimmed = base.trim().replace(/^\/*/, '/').replace(/\/*$/, '/');
  return trimmed === '//' ? '/' : trimmed;
}

/**
 * A base path is plain path segments (letters, digits, `-`, `_`, `.`, `~`; none of them `.` or
 * `..`): a backslash or a doubled slash would make every link point at another host
 * (`/\evil.example/`), and a dot segment at another folder.
 */
const BASE = /^\/(?:(?!\.{1,2}\/)[A-Za-z0-9._~-]+\/)*$/;

/** What is wrong with a base path as written (before normalising), or undefined. */
export function baseProblem(base: string): string | undefined {
  return BASE.test(normaliseBase(base)) ? undefined : 'expected a path of plain segments such as /handbook/ or /intranet/policies/ (letters, digits, - _ . ~; no "..", "\\" or spaces)';
}

/** What is wrong with a site address, or undefined: an http(s) address with no user name, query or fragment. */
export function siteProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'expected a full address such as https://intranet.firm.example';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'expected an https:// or http:// address';
  if (parsed.username || parsed.password || parsed.search || parsed.hash || url.includes('\\')) return 'expected an address without a user name, password, "?", "#" or "\\", such as https://intranet.firm.example';
  return undefined;
}

/**
 * `HANDBOOK_BASE` over handbook.yaml's `site.base`.
 *
 * @throws EnvError when HANDBOOK_BASE is not a plain path. A bad `site.base` gives "/": the content
 *   check reports it with the file and line, and the build stops there.
 */
export function basePath(configured: string, env: NodeJS.ProcessEnv = process.env): string {
  const variable = env['HANDBOOK_BASE'];
  if (variable) {
    const problem = baseProblem(variable);
    if (problem) throw new EnvError(`HANDBOOK_BASE is ${JSON.stringify(variable)}, ${problem}.`);
    return normaliseBase(variable);
  }
  return configured && !baseProblem(configured) ? normaliseBase(configured) : '/';
}

/**
 * `HANDBOOK_SITE` over handbook.yaml's `site.url`.
 *
 * @throws EnvError when HANDBOOK_SITE is not an http(s) address (a bad `site.url` is the content check's to report)
 */
export function siteUrl(configured: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const variable = env['HANDBOOK_SITE'];
  if (variable) {
    const problem = siteProblem(variable);
    if (problem) throw new EnvError(`HANDBOOK_SITE is ${JSON.stringify(variable)}, ${problem}.`);
    return variable;
  }
  return configured && !siteProblem(configured) ? configured : undefined;
}

/**
 * `HANDBOOK_RENDER=compiler` sends every text through Astro's MDX compiler, as builds did before
 * texts rendered from the model: slower, and the reference tests/unit/render.test.ts compares with.
 */
export function compileEveryText(env: NodeJS.ProcessEnv = process.env): boolean {
  return env['HANDBOOK_RENDER'] === 'compiler';
}
