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

/** `HANDBOOK_BASE` over handbook.yaml's `site.base`. */
export function basePath(configured: string, env: NodeJS.ProcessEnv = process.env): string {
  return normaliseBase(env['HANDBOOK_BASE'] || configured || '/');
}

/** `HANDBOOK_SITE` over handbook.yaml's `site.url`. */
export function siteUrl(configured: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env['HANDBOOK_SITE'] || configured;
}

/**
 * `HANDBOOK_RENDER=compiler` sends every text through Astro's MDX compiler, as builds did before
 * texts rendered from the model: slower, and the reference tests/unit/render.test.ts compares with.
 */
export function compileEveryText(env: NodeJS.ProcessEnv = process.env): boolean {
  return env['HANDBOOK_RENDER'] === 'compiler';
}
