import { inert } from './escape.ts';

/**
 * A problem found in the content: data with a place, collected and reported all at once.
 *
 * Validators return arrays of issues instead of throwing, so `handbook check` and the
 * build can report every problem in one run.
 */
export interface ContentIssue {
  /** Path of the file, relative to the working directory (e.g. `content/policies/intake/1.1.mdx`). */
  file: string;
  /** The frontmatter field or place in the file (`effective`, `fields.2.type`, `body`). */
  field?: string;
  /** 1-based line in the file, when known. */
  line?: number;
  /** What is wrong, then what was expected. */
  message: string;
  /** Stable rule name, for searching and for tests. */
  ruleId: string;
}

/**
 * One issue as a line: `content/policies/x/1.0.mdx:4 → effective: Expected …`. Control
 * characters the content holds are shown escaped, never sent to the terminal as they are.
 */
export function formatIssue(issue: ContentIssue): string {
  const place = issue.line ? `${issue.file}:${issue.line}` : issue.file;
  return inert(issue.field ? `${place} → ${issue.field}: ${issue.message}` : `${place}: ${issue.message}`);
}

/** Every issue, one a line, sorted by file then line, with a count at the end ("2 warnings in the content."). */
export function formatIssues(issues: readonly ContentIssue[], kind: 'problem' | 'warning' = 'problem'): string {
  const sorted = [...issues].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0),
  );
  const noun = issues.length === 1 ? kind : `${kind}s`;
  return [...sorted.map(formatIssue), `${issues.length} ${noun} in the content.`].join('\n');
}

/** Quotes a value the user wrote, for a message: strings in quotes, the rest as JSON. */
export function quote(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
