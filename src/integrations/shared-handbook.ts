/**
 * Hands the handbook the content check loaded (in the Astro config hook) to the pages, so a
 * build reads and checks the content once, not twice. The pages run from bundled chunks with
 * module instances of their own, in the same process: only a global reaches them.
 */
import type { Handbook } from '../lib/model.ts';

const KEY = Symbol.for('policy-handbook.loaded');
type Store = { [KEY]?: Handbook };

export function rememberHandbook(handbook: Handbook): void {
  (globalThis as Store)[KEY] = handbook;
}

/** The handbook loaded for this folder and day, if the check has loaded it in this process. */
export function rememberedHandbook(dir: string, today: string): Handbook | undefined {
  const found = (globalThis as Store)[KEY];
  return found && found.dir === dir && found.today === today ? found : undefined;
}
