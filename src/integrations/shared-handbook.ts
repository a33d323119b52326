/**
 * Hands what the integration loaded (in the Astro config hooks) to the pages: the handbook the
 * content check read, so a build reads and checks the content once, and the Markdown settings
 * the texts render with (src/data/render.ts). The pages run from bundled chunks with module
 * instances of their own, in the same process: only a global reaches them.
 */
import type { AstroConfig } from 'astro';
import { compileEveryText } from '../lib/env.ts';
import type { Handbook } from '../lib/model.ts';
import type { DevReading } from './dev-reading.ts';

const KEY = Symbol.for('policy-handbook.loaded');
const SETTINGS = Symbol.for('policy-handbook.render-settings');
const DEV = Symbol.for('policy-handbook.dev-server');

/** The resolved config's Markdown processor and options, and its image settings. */
export interface RenderSettings {
  markdown: AstroConfig['markdown'];
  image: AstroConfig['image'];
}

type Store = { [KEY]?: Handbook; [SETTINGS]?: RenderSettings; [DEV]?: DevReading | undefined };

export function rememberHandbook(handbook: Handbook): void {
  (globalThis as Store)[KEY] = handbook;
}

/** The handbook loaded for this folder and day, if the check has loaded it in this process. */
export function rememberedHandbook(dir: string, today: string): Handbook | undefined {
  const found = (globalThis as Store)[KEY];
  return found && found.dir === dir && found.today === today ? found : undefined;
}

/**
 * In `astro dev`, where content changes under the pages, the reading the watcher keeps up to
 * date (told by the integration); undefined in a build.
 */
export function rememberDevReading(reading: DevReading | undefined): void {
  (globalThis as Store)[DEV] = reading;
}

export function devReading(): DevReading | undefined {
  return (globalThis as Store)[DEV];
}

export function rememberRenderSettings(settings: RenderSettings): void {
  (globalThis as Store)[SETTINGS] = settings;
}

export function renderSettings(): RenderSettings | undefined {
  return (globalThis as Store)[SETTINGS];
}

/** Content paths of the texts Astro's content collections compile (src/content.config.ts). */
export function compiledTexts(handbook: Handbook): Set<string> {
  if (!compileEveryText()) return handbook.compiled;
  return new Set([...[...handbook.bySlug.values()].flatMap((p) => p.versions), ...handbook.agreements].map((f) => f.contentPath));
}
