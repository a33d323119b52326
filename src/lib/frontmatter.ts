/** Splits a content file into YAML frontmatter and body, keeping line numbers for messages. */
import { isMap, isNode, isScalar, LineCounter, parseDocument, stringify } from 'yaml';
import type { z } from 'astro/zod';
import { quote, type ContentIssue } from './issues.ts';

export interface ParsedFile {
  data: unknown;
  body: string;
  /** 1-based line where the body starts. */
  bodyLine: number;
  /** 1-based line of each top-level frontmatter key. */
  keyLines: Map<string, number>;
}

const FENCE = /^---[ \t]*$/;

/** Parses YAML text, reporting syntax errors as issues with their line. */
export function parseYaml(source: string, file: string, lineOffset = 0): { data: unknown; keyLines: Map<string, number>; issues: ContentIssue[] } {
  const lineCounter = new LineCounter();
  // YAML 1.1 would turn `2025-13-01` into a rolled-over Date; 1.2 keeps it a string for our check.
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const issues: ContentIssue[] = doc.errors.map((error) => ({
    file,
    line: lineCounter.linePos(error.pos[0]).line + lineOffset,
    message: `The YAML cannot be read: ${error.message.split('\n')[0]}`,
    ruleId: 'yaml-syntax',
  }));
  const keyLines = new Map<string, number>();
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (isScalar(pair.key) && pair.key.range) {
        keyLines.set(String(pair.key.value), lineCounter.linePos(pair.key.range[0]).line + lineOffset);
      }
    }
  }
  if (issues.length) return { data: undefined, keyLines, issues };
  try {
    return { data: doc.toJS(), keyLines, issues };
  } catch (error) {
    // An alias expanded past the library's limit (a "billion laughs" file), or one that points nowhere.
    const reason = error instanceof Error ? error.message : String(error);
    return { data: undefined, keyLines, issues: [{ file, line: 1 + lineOffset, message: `The YAML cannot be read: ${reason.split('\n')[0]} Expected plain values, without YAML aliases (*name) that repeat others.`, ruleId: 'yaml-syntax' }] };
  }
}

/** Reads frontmatter between `---` fences at the top of a Markdown/MDX file. */
export function parseFrontmatter(source: string, file: string): { parsed?: ParsedFile; issues: ContentIssue[] } {
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (!FENCE.test(lines[0] ?? '')) {
    return {
      issues: [{ file, line: 1, message: 'Expected the file to start with frontmatter between two "---" lines.', ruleId: 'frontmatter-missing' }],
    };
  }
  const end = lines.findIndex((line, i) => i > 0 && FENCE.test(line));
  if (end === -1) {
    return { issues: [{ file, line: 1, message: 'Expected a closing "---" line after the frontmatter.', ruleId: 'frontmatter-unclosed' }] };
  }
  const { data, keyLines, issues } = parseYaml(lines.slice(1, end).join('\n'), file, 1);
  if (issues.length) return { issues };
  return {
    parsed: { data: data ?? {}, body: lines.slice(end + 1).join('\n'), bodyLine: end + 2, keyLines },
    issues: [],
  };
}

function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  if (issue.code === 'unrecognized_keys') {
    return `Unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  }
  let value: unknown = data;
  for (const key of issue.path) value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  if (value === undefined && issue.code === 'invalid_type') {
    return `Missing required field, expected ${issue.expected === 'string' ? 'some text' : `a ${issue.expected}`}.`;
  }
  if (issue.code === 'invalid_type') return `Expected ${issue.expected === 'string' ? 'text' : `a ${issue.expected}`}, received ${quote(value)}.`;
  return issue.message;
}

/**
 * Validates data against a schema and turns every zod issue into a content issue
 * naming the file, the field and what was expected.
 */
/** The keys an object schema allows at a path (`editLink` → url, text), through optional and default wrappers. */
function keysAt(schema: z.ZodType, path: PropertyKey[]): string[] {
  const unwrap = (s: unknown): unknown => {
    let inner = s as { _zod?: { def?: { innerType?: unknown } } } | undefined;
    while (inner?._zod?.def?.innerType) inner = inner._zod.def.innerType as typeof inner;
    return inner;
  };
  let at = unwrap(schema);
  for (const key of path) at = unwrap((at as { shape?: Record<PropertyKey, unknown> } | undefined)?.shape?.[key]);
  const shape = (at as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
}

export function validate<S extends z.ZodType>(
  schema: S,
  data: unknown,
  file: string,
  keyLines: Map<string, number>,
): { value?: z.infer<S>; issues: ContentIssue[] } {
  const result = schema.safeParse(data);
  if (result.success) return { value: result.data, issues: [] };
  const issues = result.error.issues.map((issue): ContentIssue => {
    const field = issue.path.join('.');
    const top = String(issue.path[0] ?? (issue.code === 'unrecognized_keys' ? issue.keys[0] : ''));
    let message = describeIssue(issue, data);
    const allowed = issue.code === 'unrecognized_keys' ? keysAt(schema, issue.path) : [];
    if (issue.code === 'unrecognized_keys') message += allowed.length ? `, expected one of: ${allowed.join(', ')}.` : '.';
    const line = keyLines.get(top);
    return {
      file,
      ...(field ? { field } : issue.code === 'unrecognized_keys' ? { field: issue.keys.join(', ') } : {}),
      ...(line ? { line } : {}),
      message,
      ruleId: issue.code === 'unrecognized_keys' ? 'unknown-field' : 'invalid-field',
    };
  });
  return { issues };
}

/** The frontmatter of a file as text, with its offset in the file (after the first `---` line). */
function frontmatterSpan(source: string): { start: number; end: number } | undefined {
  const open = /^\uFEFF?---[ \t]*\r?\n/.exec(source);
  if (!open) return undefined;
  const close = /^---[ \t]*$/m;
  const rest = source.slice(open[0].length);
  const match = close.exec(rest);
  return match ? { start: open[0].length, end: open[0].length + match.index } : undefined;
}

/**
 * Sets top-level frontmatter fields, changing nothing else in the file: every other byte
 * (comments, quoting, spacing, the body) stays as the editor wrote it. An existing value is
 * replaced where it stands; a missing field is added on the line after the field before it in
 * `fields` (or at the end of the frontmatter).
 *
 * @param fields `[key, value]` pairs, in the order they should read
 * @throws when the file has no frontmatter or it is not a YAML map (check reports those first)
 */
export function setFrontmatterFields(source: string, fields: readonly (readonly [string, string])[]): string {
  let text = source;
  let previous: string | undefined;
  for (const [key, value] of fields) {
    const span = frontmatterSpan(text);
    if (!span) throw new Error('Expected frontmatter between two "---" lines.');
    const yaml = text.slice(span.start, span.end);
    const doc = parseDocument(yaml, { uniqueKeys: true });
    if (doc.errors.length || !isMap(doc.contents)) throw new Error('Expected the frontmatter to be a YAML map.');
    const written = stringify(value, { lineWidth: 0 }).trimEnd();
    const pairs = doc.contents.items;
    const pair = pairs.find((p) => isScalar(p.key) && p.key.value === key);
    const node = pair?.value;
    if (pair && isNode(node) && node.range) {
      // Replace the value itself; a comment after it on the line stays.
      text = text.slice(0, span.start + node.range[0]) + written + text.slice(span.start + node.range[1]);
    } else {
      const eol = text.includes('\r\n') ? '\r\n' : '\n';
      const after = pairs.find((p) => isScalar(p.key) && p.key.value === previous);
      const afterEnd = after && isNode(after.value) && after.value.range ? after.value.range[1] : undefined;
      // After the whole line the field before ends on, or at the end of the frontmatter.
      let at = span.end;
      if (afterEnd !== undefined) {
        const lineEnd = yaml.indexOf('\n', Math.max(0, afterEnd - 1));
        at = lineEnd === -1 ? span.end : span.start + lineEnd + 1;
      }
      const line = `${key}: ${written}${eol}`;
      const needsBreak = at === span.end && at > 0 && text[at - 1] !== '\n';
      text = text.slice(0, at) + (needsBreak ? eol : '') + line + text.slice(at);
    }
    previous = key;
  }
  return text;
}
