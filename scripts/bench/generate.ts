/**
 * Writes a synthetic handbook in the content layout (handbook.yaml, policies/<slug>/<version>.mdx,
 * agreements/<slug>.mdx) for the benchmark. Deterministic for a given seed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { href } from '../../src/lib/routes.ts';
import {
  APPROVERS, ASPECTS, AUDIENCES, CHAPTERS, GLOSSARY, ROLES, TOPICS,
  countWords, createRng, policyBody, revise, subSeed, toMarkdown,
  type Block, type Rng,
} from './text.ts';

/** The slug of the policy with `deep` versions, so its pages can be counted. */
export const DEEP_SLUG = 'long-running-matters-confidentiality';

export interface GenerateOptions {
  /** Number of policies (the deep policy, if any, is extra). */
  policies: number;
  /** Versions per policy. */
  versions: number;
  /** Adds one policy with this many versions; 0 for none. */
  deep: number;
  seed: number;
  /** The build's fixed "today" (YYYY-MM-DD): every effective and review date is before it. */
  today: string;
}

export interface GeneratedHandbook {
  dir: string;
  policies: number;
  versionFiles: number;
  agreements: number;
  /** Bytes written, all files. */
  bytes: number;
  /** Mean words per version body. */
  meanWords: number;
}

const DAY_MS = 86_400_000;

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

function slugify(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

interface PolicySpec {
  slug: string;
  title: string;
  topic: string;
  aspect: string;
  chapter: string;
  order: number;
  versions: number;
}

/** Titles from topic × aspect pairs in a seeded order, so neighbouring policies differ in both. */
function policySpecs(options: GenerateOptions, chapters: number): PolicySpec[] {
  const rng = createRng(options.seed);
  const pairs = TOPICS.length * ASPECTS.length;
  const order = Array.from({ length: pairs }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const specs: PolicySpec[] = [];
  for (let i = 0; i < options.policies; i++) {
    const pair = order[i % pairs]!;
    const topic = TOPICS[Math.floor(pair / ASPECTS.length)]!;
    const aspect = ASPECTS[pair % ASPECTS.length]!;
    const round = Math.floor(i / pairs);
    const title = `${capitalise(topic)} ${aspect}${round ? ` (part ${round + 1})` : ''}`;
    specs.push({ slug: slugify(title), title, topic, aspect, chapter: CHAPTERS[i % chapters]!.id, order: Math.floor(i / chapters) + 1, versions: options.versions });
  }
  if (options.deep > 0) {
    const title = 'Client confidentiality in long-running matters';
    specs.push({ slug: DEEP_SLUG, title, topic: 'client confidentiality', aspect: 'in long-running matters', chapter: CHAPTERS[0]!.id, order: 0, versions: options.deep });
  }
  return specs;
}

/** Version numbers as editors bump them: mostly minor, sometimes major. */
function versionNumbers(rng: Rng, count: number): string[] {
  const out = ['1.0'];
  let [major, minor] = [1, 0];
  while (out.length < count) {
    if (rng.chance(0.25)) [major, minor] = [major + 1, 0];
    else minor += 1;
    out.push(`${major}.${minor}`);
  }
  return out;
}

/**
 * Increasing effective dates, all before `today`: spread over about 150 days per version
 * (at most 30 years), ending a few weeks to two years before today.
 */
function effectiveDates(rng: Rng, count: number, today: string): string[] {
  const end = addDays(today, -rng.int(20, 700));
  const span = Math.max(count, Math.min(count * 150, 365 * 30));
  const weights = Array.from({ length: Math.max(count - 1, 0) }, () => 0.5 + rng.next());
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  const dates = [addDays(end, -span)];
  let offset = -span;
  for (const w of weights) {
    offset += Math.max(1, Math.floor((w / total) * span));
    dates.push(addDays(end, Math.min(offset, 0)));
  }
  // Flooring can make the last steps collide at the end date: push duplicates back by a day.
  for (let i = dates.length - 2; i >= 0; i--) if (dates[i]! >= dates[i + 1]!) dates[i] = addDays(dates[i + 1]!, -1);
  return dates;
}

function yamlList(values: readonly string[]): string {
  return `[${values.map((v) => JSON.stringify(v)).join(', ')}]`;
}

interface VersionMeta {
  spec: PolicySpec;
  summary: string;
  owner: string;
  approvedBy: string;
  effective: string;
  lastReviewed: string;
  reviewEveryMonths?: number;
  changes: string[];
  appliesTo: string[];
  tags: string[];
  related: string[];
}

function frontmatter(m: VersionMeta): string {
  const lines = [
    '---',
    `title: ${JSON.stringify(m.spec.title)}`,
    `summary: ${JSON.stringify(m.summary)}`,
    `chapter: ${m.spec.chapter}`,
    `order: ${m.spec.order}`,
    `owner: ${JSON.stringify(m.owner)}`,
    `approvedBy: ${JSON.stringify(m.approvedBy)}`,
    `effective: ${m.effective}`,
    `lastReviewed: ${m.lastReviewed}`,
    ...(m.reviewEveryMonths ? [`reviewEveryMonths: ${m.reviewEveryMonths}`] : []),
    'status: active',
    `changes: ${yamlList(m.changes)}`,
    `appliesTo: ${yamlList(m.appliesTo)}`,
    `tags: ${yamlList(m.tags)}`,
    `related: ${yamlList(m.related)}`,
    '---',
    '',
  ];
  return lines.join('\n');
}

/** Picks up to three other policies as related, and links the first from the introduction. */
function relatedSlugs(rng: Rng, specs: readonly PolicySpec[], self: number): PolicySpec[] {
  const out: PolicySpec[] = [];
  const wanted = Math.min(rng.int(0, 3), specs.length - 1);
  while (out.length < wanted) {
    const other = specs[rng.int(0, specs.length - 1)]!;
    if (other !== specs[self] && !out.includes(other)) out.push(other);
  }
  return out;
}

function writeFile(path: string, text: string): number {
  writeFileSync(path, text);
  return Buffer.byteLength(text);
}

/** Writes every version of one policy; returns bytes and total words written. */
function writePolicy(dir: string, specs: readonly PolicySpec[], index: number, options: GenerateOptions): { bytes: number; words: number } {
  const spec = specs[index]!;
  const rng = createRng(subSeed(options.seed, index));
  const glossary = [...new Set([rng.pick(GLOSSARY), rng.pick(GLOSSARY), rng.pick(GLOSSARY)])];
  const terms = [spec.topic, ...glossary];
  const related = relatedSlugs(rng, specs, index);
  let blocks: Block[] = policyBody(rng, spec.topic, terms);
  if (related[0]) {
    const intro = blocks[0] as { kind: 'p'; sentences: string[] };
    intro.sentences.push(`Read it together with [${related[0].title.toLowerCase()}](${href.policy(related[0])}).`);
  }
  const numbers = versionNumbers(rng, spec.versions);
  const dates = effectiveDates(rng, spec.versions, options.today);
  const base = {
    spec,
    summary: `Sets out how the firm handles ${spec.topic} ${spec.aspect}, who is responsible, and what records we keep.`,
    owner: rng.pick(ROLES),
    appliesTo: [...new Set([rng.pick(AUDIENCES), rng.pick(AUDIENCES)])],
    tags: [spec.topic, ...glossary.map((g) => g.replace(/^(the|a) /, ''))],
    related: related.map((r) => r.slug),
  };
  const folder = join(dir, 'policies', spec.slug);
  mkdirSync(folder, { recursive: true });
  let bytes = 0;
  let words = 0;
  for (let v = 0; v < spec.versions; v++) {
    let changes = ['First version.'];
    if (v > 0) {
      const revision = revise(rng, blocks, spec.topic, terms);
      blocks = revision.blocks;
      changes = revision.notes;
    }
    // Reviewed some time between this version taking effect and the next (or today): a spread of review states.
    const until = dates[v + 1] ?? options.today;
    const lastReviewed = addDays(dates[v]!, rng.int(0, Math.max(0, daysBetween(dates[v]!, until) - 1)));
    const meta: VersionMeta = {
      ...base,
      approvedBy: rng.pick(APPROVERS),
      effective: dates[v]!,
      lastReviewed,
      ...(rng.chance(0.3) ? { reviewEveryMonths: rng.pick([6, 24, 36]) } : {}),
      changes,
    };
    const body = toMarkdown(blocks);
    words += countWords(blocks);
    bytes += writeFile(join(folder, `${numbers[v]}.mdx`), `${frontmatter(meta)}\n${body}`);
  }
  return { bytes, words };
}

function handbookYaml(chapters: number): string {
  const lines = [
    '# Synthetic handbook written by `npm run bench` (scripts/bench/generate.ts).',
    'firm: Ashdown Vale LLP',
    'title: Compliance Handbook',
    'feedback: handbook@ashdownvale.example',
    'review:',
    '  everyMonths: 12',
    '  warnDays: 60',
    'site:',
    '  base: /',
    '  public: false',
    'chapters:',
    ...CHAPTERS.slice(0, chapters).flatMap((c, i) => [
      `  - id: ${c.id}`,
      `    title: ${JSON.stringify(c.title)}`,
      `    order: ${i + 1}`,
      `    description: ${JSON.stringify(`Policies on ${c.title.toLowerCase()}.`)}`,
    ]),
  ];
  return `${lines.join('\n')}\n`;
}

const AGREEMENTS = [
  { slug: 'staff-confidentiality', title: 'Staff confidentiality agreement', party: ['staff', 'Staff member'], fields: [['staffName', 'Full name', 'text'], ['startDate', 'Start date', 'date'], ['staffEmail', 'Firm e-mail address', 'email']] },
  { slug: 'supplier-confidentiality', title: 'Supplier confidentiality agreement', party: ['supplier', 'For the supplier'], fields: [['supplierName', 'Supplier name', 'text'], ['services', 'Services provided', 'multiline'], ['contactEmail', 'Contact e-mail', 'email']] },
  { slug: 'client-data-consent', title: 'Client consent to electronic communication', party: ['client', 'Client'], fields: [['clientName', 'Client name', 'text'], ['matterNumber', 'Matter number', 'text'], ['channel', 'Preferred channel', 'choice']] },
] as const;

function agreementFile(a: (typeof AGREEMENTS)[number], order: number, policies: readonly string[], rng: Rng): string {
  const fields = a.fields.flatMap(([name, label, type]) => [
    `  - name: ${name}`,
    `    label: ${JSON.stringify(label)}`,
    `    type: ${type}`,
    `    required: ${name !== a.fields[2][0]}`,
    ...(type === 'choice' ? ['    options: ["Encrypted e-mail", "Client portal", "Post"]'] : []),
  ]);
  const head = [
    '---',
    `title: ${JSON.stringify(a.title)}`,
    `summary: ${JSON.stringify(`Signed before work starts; records the duties set out in the handbook.`)}`,
    'version: "1.0"',
    'effective: 2025-01-06',
    `order: ${order}`,
    'status: active',
    'parties:',
    `  - id: ${a.party[0]}`,
    `    label: ${JSON.stringify(a.party[1])}`,
    '  - id: firm',
    '    label: "For Ashdown Vale LLP"',
    'fields:',
    ...fields,
    `policies: ${yamlList(policies)}`,
    '---',
    '',
  ].join('\n');
  const uses = a.fields.map(([name]) => `<Field name="${name}" />`);
  const clauses = Array.from({ length: 6 }, (_, i) => `${i + 1}. ${capitalise(rng.pick(['you', 'the firm']))} will keep confidential information secret and use it only for the agreed work, as described in [the handbook](${href.policy({ slug: policies[i % policies.length]! })}).`);
  const body = [
    `This agreement is made between Ashdown Vale LLP and ${uses[0]}, effective from ${uses[1]}. Contact: ${uses[2]}.`,
    '## Duties',
    clauses.join('\n'),
    '## Signatures',
    `<Signature party="${a.party[0]}" />`,
    '<Signature party="firm" />',
  ].join('\n\n');
  return `${head}\n${body}\n`;
}

/**
 * Writes a synthetic handbook into `dir` (which must not exist or be empty).
 *
 * @returns what was written, for the report
 */
export function generateHandbook(dir: string, options: GenerateOptions): GeneratedHandbook {
  const chapters = Math.max(1, Math.min(CHAPTERS.length, options.policies));
  const specs = policySpecs(options, chapters);
  mkdirSync(join(dir, 'policies'), { recursive: true });
  mkdirSync(join(dir, 'agreements'), { recursive: true });
  let bytes = writeFile(join(dir, 'handbook.yaml'), handbookYaml(chapters));
  let words = 0;
  for (let i = 0; i < specs.length; i++) {
    const written = writePolicy(dir, specs, i, options);
    bytes += written.bytes;
    words += written.words;
  }
  const rng = createRng(subSeed(options.seed, -1));
  const linked = specs.slice(0, 3).map((s) => s.slug);
  AGREEMENTS.forEach((a, i) => {
    bytes += writeFile(join(dir, 'agreements', `${a.slug}.mdx`), agreementFile(a, i + 1, linked, rng));
  });
  const versionFiles = specs.reduce((n, s) => n + s.versions, 0);
  return { dir, policies: specs.length, versionFiles, agreements: AGREEMENTS.length, bytes, meanWords: Math.round(words / versionFiles) };
}
