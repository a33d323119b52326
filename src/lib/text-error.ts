/**
 * A text's own code failing while its page is built: with `allowCode: true` in handbook.yaml an
 * MDX expression (`{…}`) runs at build time, and when it throws, the editor needs the file, the
 * line and the reason, not a stack trace into compiled chunks.
 */
import { scanBody } from './body.ts';
import type { SourceFile } from './content.ts';

/** The reason in one line: the error's message (its first line), or what was thrown. */
function reason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]!.trim().replace(/\.$/, '') || (error instanceof Error ? error.name : 'no message');
}

/**
 * The message for `error`, thrown while `file`'s text rendered. The MDX compiler does not say
 * which expression threw, so the line is given when the text has one expression, and the
 * expressions' lines otherwise.
 */
export function textCodeFailure(file: Pick<SourceFile, 'file' | 'body' | 'bodyLine' | 'format'>, error: unknown): string {
  let lines: number[] = [];
  try {
    lines = scanBody(file.body, file.format).code.filter((c) => c.kind === 'expression').map((c) => file.bodyLine + c.line - 1);
  } catch {
    // The check reads every text before a build; a text it cannot read never gets here.
  }
  const where = lines.length === 1 ? `${file.file}:${lines[0]}` : file.file;
  const which = lines.length === 1 ? 'The expression' : lines.length ? `One of the expressions (lines ${lines.join(', ')})` : 'The code';
  return `${where} → body: ${which} in the text failed while its page was built: ${reason(error)}. Expected code that runs without an error (allowCode in handbook.yaml lets texts run code), or plain text instead.`;
}
