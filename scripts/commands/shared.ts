/** What every CLI command shares: its shape (command.ts), and loading the handbook with the environment's settings. */
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { contentDir, today } from '../../src/lib/env.ts';
import { formatIssues } from '../../src/lib/issues.ts';
import { loadHandbook, type Handbook } from '../../src/lib/model.ts';

export { CLI, UsageError, type Command } from './command.ts';

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
 * never overwritten without asking. Returns the path written, or undefined after saying why
 * nothing was written.
 */
export function writeOut(out: string, data: Buffer | string): string | undefined {
  if (existsSync(resolve(out))) {
    console.error(`${out} already exists: nothing was written. Remove it first, or give another file with --out.`);
    return undefined;
  }
  try {
    writeFileSync(resolve(out), data, { flag: 'wx' });
  } catch (error) {
    console.error(`Cannot write ${out}: ${(error as NodeJS.ErrnoException).code ?? String(error)}. Expected a file in an existing folder you can write to.`);
    return undefined;
  }
  return out;
}
