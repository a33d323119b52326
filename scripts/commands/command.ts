/** A command's shape and its errors: light, so the dispatcher can load it before any command. */
import type { ParseArgsConfig } from 'node:util';

/** A command's module (its name, usage and summary are in index.ts, for `--help`). */
export interface Command {
  options?: ParseArgsConfig['options'];
  run(positionals: string[], values: Record<string, string | boolean | undefined>): Promise<number>;
}

/**
 * How the user starts the CLI, for messages: `npm run handbook --` in this repository (the
 * TypeScript source runs), `handbook` where the package is installed (its compiled JavaScript runs).
 */
export const CLI = import.meta.url.endsWith('.ts') ? 'npm run handbook --' : 'handbook';

/** Wrong arguments: the dispatcher prints the message and the usage, and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
