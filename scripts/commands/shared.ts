/** What every CLI command shares: its shape, and loading the handbook with the environment's settings. */
import type { ParseArgsConfig } from 'node:util';
import { contentDir, today } from '../../src/lib/env.ts';
import { formatIssues } from '../../src/lib/issues.ts';
import { loadHandbook, type Handbook } from '../../src/lib/model.ts';

export interface Command {
  name: string;
  usage: string;
  summary: string;
  options?: ParseArgsConfig['options'];
  run(positionals: string[], values: Record<string, string | boolean | undefined>): Promise<number>;
}

/** Wrong arguments: the dispatcher prints the message and the usage, and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Loads the handbook or prints every content problem and returns undefined. */
export function loadOrReport(): Handbook | undefined {
  const { handbook, issues } = loadHandbook(contentDir(), today());
  if (!handbook) {
    console.error(formatIssues(issues));
    return undefined;
  }
  return handbook;
}
