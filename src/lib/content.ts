/**
 * Reads a content folder from disk: handbook.yaml, every policy version and every agreement.
 *
 * The only module that reads content files. Each file is validated on its own here;
 * rules across files live in model.ts.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { quote, type ContentIssue } from './issues.ts';
import { parseFrontmatter, parseYaml, validate } from './frontmatter.ts';
import { agreementSchema, type AgreementData } from './schema/agreement.ts';
import { SLUG_PATTERN } from './schema/fields.ts';
import { handbookSchema, type HandbookConfig } from './schema/handbook.ts';
import { policyVersionSchema, type PolicyVersionData } from './schema/policy.ts';
import { isVersion } from './versions.ts';

export interface SourceFile {
  /** Path for messages, relative to the working directory. */
  file: string;
  /** Path inside the content folder, with `/` separators (`policies/intake/1.0.mdx`). */
  contentPath: string;
  /** `mdx` or `md`. */
  format: 'mdx' | 'md';
  body: string;
  bodyLine: number;
  /** 1-based line of each top-level frontmatter key, for messages. */
  keyLines: Map<string, number>;
}

export interface PolicyVersionFile extends SourceFile {
  slug: string;
  version: string;
  data: PolicyVersionData;
}

export interface AgreementFile extends SourceFile {
  slug: string;
  data: AgreementData;
}

export interface RawContent {
  dir: string;
  handbook?: HandbookConfig;
  policies: PolicyVersionFile[];
  agreements: AgreementFile[];
  issues: ContentIssue[];
}

const CONTENT_EXT = /\.(mdx|md)$/;
/** A name that looks like a content file but would be skipped: `2.1.MDX`, `1.0.Md`, `x.markdown`. */
const LOOKS_LIKE_CONTENT = /\.(mdx?|markdown)$/i;
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** A content file's text; a file that is not UTF-8 is an issue naming its first bad line. */
function readText(abs: string, file: string, issues: ContentIssue[]): string | undefined {
  const bytes = readFileSync(abs);
  try {
    return UTF8.decode(bytes);
  } catch {
    const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
    // The first byte that does not decode shows as U+FFFD: its line is where to look.
    const lenient = bytes.toString('utf8');
    const line = lenient.slice(0, Math.max(0, lenient.indexOf('\uFFFD'))).split('\n').length;
    issues.push({ file, line, message: `The file is not UTF-8 text${utf16 ? ' (it is UTF-16)' : ''}, expected UTF-8: save it as "UTF-8" in your editor.`, ruleId: 'encoding' });
    return undefined;
  }
}

function list(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((name) => !name.startsWith('.')).sort() : [];
}

/**
 * Text to read instead of what is on disk, by content path (`policies/x/2.2.mdx`): lets
 * `publish` and `retire` check the content as it would be before writing anything.
 */
export type ContentOverrides = ReadonlyMap<string, string>;

function readSource(dir: string, contentPath: string, issues: ContentIssue[], overrides?: ContentOverrides) {
  const abs = join(dir, contentPath);
  const file = relative(process.cwd(), abs) || abs;
  const text = overrides?.get(contentPath) ?? readText(abs, file, issues);
  if (text === undefined) return undefined;
  const { parsed, issues: found } = parseFrontmatter(text, file);
  issues.push(...found);
  const format = contentPath.endsWith('.mdx') ? ('mdx' as const) : ('md' as const);
  return parsed ? { file, format, parsed } : undefined;
}

/** Reads and validates `handbook.yaml`. */
function readHandbook(dir: string, issues: ContentIssue[]): HandbookConfig | undefined {
  const path = join(dir, 'handbook.yaml');
  const file = relative(process.cwd(), path) || path;
  if (!existsSync(path)) {
    issues.push({ file, message: 'Missing handbook.yaml: expected the firm name, chapters and feedback address.', ruleId: 'handbook-missing' });
    return undefined;
  }
  const text = readText(path, file, issues);
  if (text === undefined) return undefined;
  const { data, keyLines, issues: yamlIssues } = parseYaml(text, file);
  issues.push(...yamlIssues);
  if (yamlIssues.length) return undefined;
  const { value, issues: schemaIssues } = validate(handbookSchema, data ?? {}, file, keyLines);
  issues.push(...schemaIssues);
  if (value?.logo && !(existsSync(join(dir, value.logo)) && statSync(join(dir, value.logo)).isFile())) {
    const line = keyLines.get('logo');
    issues.push({ file, field: 'logo', ...(line ? { line } : {}), message: `No file ${quote(value.logo)} in the content folder, expected the logo's path relative to it, e.g. logo.svg.`, ruleId: 'logo-missing' });
  }
  return value;
}

/**
 * What reading one content file gave: the file, checked on its own, or its problems. The dev
 * server keeps these between readings and drops the ones its watcher sees change, so a reading
 * after an edit re-reads and re-parses only the edited file (src/integrations/dev-content.ts).
 */
export interface FileReading<F extends SourceFile = SourceFile> {
  file?: F;
  issues: ContentIssue[];
}

/** File readings kept between readings of one folder, by content path (`policies/x/1.0.mdx`). */
export type FileReadings = Map<string, FileReading>;

/** The kept reading of a file, or a fresh one (kept); text given as an override is never kept. */
function remembered<F extends SourceFile>(cache: FileReadings | undefined, contentPath: string, overrides: ContentOverrides | undefined, read: () => FileReading<F>): FileReading<F> {
  if (!cache || overrides?.has(contentPath)) return read();
  const found = cache.get(contentPath) as FileReading<F> | undefined;
  if (found) return found;
  const fresh = read();
  cache.set(contentPath, fresh);
  return fresh;
}

function readVersion(dir: string, contentPath: string, slug: string, version: string, overrides?: ContentOverrides): FileReading<PolicyVersionFile> {
  const issues: ContentIssue[] = [];
  const source = readSource(dir, contentPath, issues, overrides);
  if (!source) return { issues };
  const { value, issues: found } = validate(policyVersionSchema, source.parsed.data, source.file, source.parsed.keyLines);
  issues.push(...found);
  if (!value) return { issues };
  return {
    issues,
    file: {
      file: source.file,
      contentPath,
      format: source.format,
      body: source.parsed.body,
      bodyLine: source.parsed.bodyLine,
      keyLines: source.parsed.keyLines,
      slug,
      version,
      data: value,
    },
  };
}

function readAgreement(dir: string, contentPath: string, slug: string): FileReading<AgreementFile> {
  const issues: ContentIssue[] = [];
  const source = readSource(dir, contentPath, issues);
  if (!source) return { issues };
  const { value, issues: found } = validate(agreementSchema, source.parsed.data, source.file, source.parsed.keyLines);
  issues.push(...found);
  if (!value) return { issues };
  return { issues, file: { file: source.file, contentPath, format: source.format, body: source.parsed.body, bodyLine: source.parsed.bodyLine, keyLines: source.parsed.keyLines, slug, data: value } };
}

function readPolicies(dir: string, issues: ContentIssue[], overrides?: ContentOverrides, cache?: FileReadings): PolicyVersionFile[] {
  const policiesDir = join(dir, 'policies');
  const versions: PolicyVersionFile[] = [];
  for (const slug of list(policiesDir)) {
    const slugDir = join(policiesDir, slug);
    const display = relative(process.cwd(), slugDir) || slugDir;
    if (!statSync(slugDir).isDirectory()) {
      issues.push({ file: display, message: 'Unexpected file, expected one folder per policy: policies/<slug>/<version>.mdx.', ruleId: 'layout' });
      continue;
    }
    if (!SLUG_PATTERN.test(slug)) {
      issues.push({ file: display, message: `Folder name "${slug}" is not a slug, expected lower-case letters, digits and hyphens (it becomes the address).`, ruleId: 'layout' });
      continue;
    }
    const seen = new Map<string, string>();
    for (const name of list(slugDir)) {
      const contentPath = `policies/${slug}/${name}`;
      if (!CONTENT_EXT.test(name)) {
        // Images and notes beside the versions are fine; a version the build would skip is not.
        if (LOOKS_LIKE_CONTENT.test(name)) issues.push({ file: relative(process.cwd(), join(dir, contentPath)), message: `File name "${name}" would be skipped, expected a version file ending in lower-case .mdx or .md.`, ruleId: 'version-file-name' });
        continue;
      }
      const version = name.replace(CONTENT_EXT, '');
      const twin = seen.get(version);
      if (twin) {
        issues.push({ file: relative(process.cwd(), join(dir, contentPath)), message: `Version ${version} is written twice, as ${twin} and ${name}, expected one file per version.`, ruleId: 'duplicate-version' });
        continue;
      }
      seen.set(version, name);
      if (!isVersion(version)) {
        issues.push({
          file: relative(process.cwd(), join(dir, contentPath)),
          message: `File name "${name}" is not a version, expected MAJOR.MINOR such as 1.0.mdx or 2.1.md.`,
          ruleId: 'version-file-name',
        });
        continue;
      }
      const read = remembered(cache, contentPath, overrides, () => readVersion(dir, contentPath, slug, version, overrides));
      issues.push(...read.issues);
      if (read.file) versions.push(read.file);
    }
  }
  return versions;
}

function readAgreements(dir: string, issues: ContentIssue[], cache?: FileReadings): AgreementFile[] {
  const agreements: AgreementFile[] = [];
  const seen = new Map<string, string>();
  for (const name of list(join(dir, 'agreements'))) {
    const contentPath = `agreements/${name}`;
    if (!CONTENT_EXT.test(name)) {
      if (LOOKS_LIKE_CONTENT.test(name)) issues.push({ file: relative(process.cwd(), join(dir, contentPath)), message: `File name "${name}" would be skipped, expected an agreement file ending in lower-case .mdx or .md.`, ruleId: 'layout' });
      continue;
    }
    const slug = name.replace(CONTENT_EXT, '');
    const twin = seen.get(slug);
    if (twin) {
      issues.push({ file: relative(process.cwd(), join(dir, contentPath)), message: `Agreement "${slug}" is written twice, as ${twin} and ${name}, expected one file per agreement.`, ruleId: 'duplicate-agreement' });
      continue;
    }
    seen.set(slug, name);
    if (!SLUG_PATTERN.test(slug)) {
      issues.push({ file: relative(process.cwd(), join(dir, contentPath)), message: `File name "${name}" is not a slug, expected lower-case letters, digits and hyphens.`, ruleId: 'layout' });
      continue;
    }
    const read = remembered(cache, contentPath, undefined, () => readAgreement(dir, contentPath, slug));
    issues.push(...read.issues);
    if (read.file) agreements.push(read.file);
  }
  return agreements;
}

/**
 * Reads every content file under `dir`, validating each against its schema.
 *
 * @param cache readings of unchanged files to reuse (and where new readings are kept); the
 *   caller drops a file's reading when the file changes
 */
/** handbook.yaml alone, when it is valid (the dev server's branding while the texts have problems). */
export function readSettings(dir: string): HandbookConfig | undefined {
  return existsSync(dir) ? readHandbook(dir, []) : undefined;
}

export function readContent(dir: string, overrides?: ContentOverrides, cache?: FileReadings): RawContent {
  const issues: ContentIssue[] = [];
  if (!existsSync(dir)) {
    issues.push({ file: dir, message: 'The content folder does not exist, expected handbook.yaml, policies/ and agreements/ inside it.', ruleId: 'content-missing' });
    return { dir, policies: [], agreements: [], issues };
  }
  const handbook = readHandbook(dir, issues);
  return { dir, ...(handbook ? { handbook } : {}), policies: readPolicies(dir, issues, overrides, cache), agreements: readAgreements(dir, issues, cache), issues };
}
