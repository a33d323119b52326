/**
 * Hands the handbook the content check loaded (in the Astro config hook) to the pages, so a
 * build reads and checks the content once, not twice. The pages run from bundled chunks with
 * module instances of their own, in the same process: only a global reaches them.
 */
import type { Handbook } from '../lib/model.ts';

const KEY = Symbol.for('policy-handbook.loaded');
const COMMAND = Symbol.for('policy-handbook.command');
type Store = { [KEY]?: Handbook; [COMMAND]?: string };

/** @param command the Astro command that loaded it (`build`, `dev`, …) */
export function rememberHandbook(handbook: Handbook, command = 'build'): void {
  (globalThis as Store)[KEY] = handbook;
  (globalThis as Store)[COMMAND] = command;
}

/**
 * The handbook a production build checked, or undefined in any other command. Asked by the
 * command Astro ran, not by `import.meta.env.DEV`, which a NODE_ENV other than "production"
 * in the builder's shell turns on in a build.
 */
export function rememberedForBuild(dir: string, today: string): Handbook | undefined {
  return (globalThis as Store)[COMMAND] === 'build' ? rememberedHandbook(dir, today) : undefined;
}

/** The handbook loaded for this folder and day, if the check has loaded it in this process. */
export function rememberedHandbook(dir: string, today: string): Handbook | undefined {
  const found = (globalThis as Store)[KEY];
  return found && found.dir === dir && found.today === today ? found : undefined;
}
