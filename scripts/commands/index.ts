/**
 * Every command's name, usage and one-line summary, for `--help`, and its module, which is loaded
 * only when that command runs: `--help` loads none, and `check` never loads Astro, the redline or
 * Chromium's driver. Keep heavy imports out of this file.
 */
import type { Command } from './shared.ts';

export interface CommandEntry {
  name: string;
  usage: string;
  summary: string;
  load(): Promise<Command>;
}

export const commands: CommandEntry[] = [
  { name: 'build', usage: 'build [--content DIR]', summary: 'Build the handbook, search index included, into dist/ in the working directory.', load: async () => (await import('./site.ts')).build },
  { name: 'dev', usage: 'dev [--content DIR] [--port N]', summary: 'Serve the handbook while you edit, reloading pages as files change.', load: async () => (await import('./site.ts')).dev },
  { name: 'preview', usage: 'preview [--port N]', summary: 'Serve the built dist/ as it will be published.', load: async () => (await import('./site.ts')).preview },
  { name: 'check', usage: 'check [--strict]', summary: 'Validate all content, drafts included, and internal links without building; exit 1 on problems (--strict: on warnings too).', load: async () => (await import('./check.ts')).check },
  { name: 'new', usage: 'new <slug> [--chapter ID] [--title TEXT]', summary: 'Scaffold a new policy at version 1.0 (refuses to overwrite).', load: async () => (await import('./scaffold.ts')).newPolicy },
  { name: 'version', usage: 'version <slug> [--major]', summary: 'Scaffold the next version from the current text (bumped, dated today, empty change notes).', load: async () => (await import('./scaffold.ts')).newVersion },
  { name: 'diff', usage: 'diff <slug> <from> <to> [--format text|markdown|html|json|docx] [--out FILE]', summary: 'The redline between two versions, the same as the site; <to> may be a draft, for approval (docx: Word tracked changes, written to --out).', load: async () => (await import('./diff.ts')).diff },
  { name: 'import', usage: 'import <file.docx|folder> [--slug SLUG] [--chapter ID] [--version X.Y] [--accept-changes]', summary: 'A draft policy version from a Word document (or every .docx in a folder); lists what did not convert.', load: async () => (await import('./import.ts')).importCommand },
  { name: 'export', usage: 'export <slug> [<version>] --format docx --out FILE', summary: 'A clean Word document of a published version (default: the current one).', load: async () => (await import('./export.ts')).exportCommand },
  { name: 'publish', usage: 'publish <slug> [--effective DATE]', summary: 'Publish the latest draft of a policy after checking it (sets status: active, and the effective date if given).', load: async () => (await import('./lifecycle.ts')).publish },
  { name: 'retire', usage: 'retire <slug> --on DATE [--replaced-by SLUG]', summary: 'Withdraw a policy from a date: it leaves the navigation, search and reviews; its pages stay with a banner.', load: async () => (await import('./lifecycle.ts')).retire },
  { name: 'review', usage: 'review [--within DAYS] [--owner ROLE] [--fail-on overdue|due] [--json]', summary: 'What is overdue or due soon; --fail-on exits 1 when anything is in that state.', load: async () => (await import('./review.ts')).review },
  { name: 'status', usage: 'status [--from DATE] [--to DATE] [--json]', summary: 'What takes effect and which reviews become due soon or overdue in a window (default: today to 30 days ahead).', load: async () => (await import('./status.ts')).status },
  { name: 'pdf', usage: 'pdf [--site DIR] [--out DIR] [--paper a4|letter]', summary: 'Blank PDFs of every agreement and the print edition, from the built site (default dist/).', load: async () => (await import('./pdf.ts')).pdf },
];
