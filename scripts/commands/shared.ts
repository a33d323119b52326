/** What every CLI command shares: its shape (command.ts), and loading the handbook with the environment's settings. */
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
