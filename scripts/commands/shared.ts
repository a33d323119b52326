/** What every CLI command shares: its shape, and loading the handbook with the environment's settings. */
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
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

/**
 * Writes a file the user named with --out, unless something is already there: their file is
 * never overwritten without asking. Returns the path written (relative), or undefined after
 * saying why nothing was written.
 */
export function writeOut(out: string, data: Buffer | string): string | undefined {
  const path = resolve(out);
  const shown = out;
  if (existsSync(path)) {
    console.error(`${shown} already exists: nothing was written. Remove it first, or give another file with --out.`);
    return undefined;
  }
  try {
    writeFileSync(path, data, { flag: 'wx' });
  } catch (error) {
    console.error(`Cannot write ${shown}: ${(error as NodeJS.ErrnoException).code ?? String(error)}. Expected a file in an existing folder you can write to.`);
    return undefined;
  }
  return shown;
}
