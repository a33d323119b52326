/**
 * Synthetic policy text for the benchmark: a seeded random generator, a law-firm compliance
 * vocabulary, a small block model of a policy body, and the edits real revisions make
 * (a few sentences reworded, a paragraph added or removed).
 *
 * Everything is deterministic for a given seed, so two benchmark runs build the same handbook.
 */

/** A seeded pseudo-random source (mulberry32): fast, and the same sequence on every machine. */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(list: readonly T[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
}

/** Creates a seeded generator; the same seed gives the same sequence. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0 || 0x9e3779b9;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: <T>(list: readonly T[]): T => list[int(0, list.length - 1)]!,
    chance: (p: number) => next() < p,
  };
}

/** Derives an independent seed for a sub-stream (one per policy), so adding policies does not reshuffle others. */
export function subSeed(seed: number, index: number): number {
  return Math.imul(seed ^ 0x5bd1e995, 0x01000193) + Math.imul(index + 1, 0x9e3779b1);
}

// The vocabulary: varied enough that Pagefind indexes thousands of distinct words, and
// phrased like the sample handbook so page sizes and word counts are realistic.
export const TOPICS = [
  'client confidentiality', 'conflict checks', 'anti-money laundering', 'data protection', 'information barriers',
  'records retention', 'document management', 'email encryption', 'remote working', 'mobile devices',
  'password management', 'access control', 'third-party suppliers', 'cloud storage', 'incident response',
  'breach notification', 'privileged communications', 'client identification', 'source of funds', 'sanctions screening',
  'gifts and hospitality', 'anti-bribery', 'whistleblowing', 'social media', 'clean desk',
  'visitor access', 'printing and scanning', 'legal holds', 'electronic disclosure', 'secure file transfer',
  'video conferencing', 'personal devices', 'encryption keys', 'backup and recovery', 'business continuity',
  'training records', 'supervision of trainees', 'complaints handling', 'fee arrangements', 'client money',
  'undertakings', 'professional indemnity', 'outsourcing', 'expert witnesses', 'interpreters',
  'court bundles', 'subject access requests', 'data minimisation', 'pseudonymisation', 'travel with devices',
] as const;

export const ASPECTS = [
  'for fee earners', 'in litigation matters', 'for lateral hires', 'at matter opening', 'at matter closure',
  'in overseas offices', 'for support staff', 'with counterparties', 'for trainees', 'on client premises',
  'in transactional work', 'for contractors', 'with external counsel', 'during regulatory investigations', 'for high-risk clients',
  'in private client work', 'in employment matters', 'during mergers', 'across practice groups', 'for remote staff',
] as const;

export const CHAPTERS = [
  { id: 'governance', title: 'Governance and accountability' },
  { id: 'confidentiality', title: 'Confidentiality and privilege' },
  { id: 'information-security', title: 'Information security' },
  { id: 'records', title: 'Records and document management' },
  { id: 'client-care', title: 'Client care and engagement' },
  { id: 'financial-crime', title: 'Financial crime' },
  { id: 'conflicts', title: 'Conflicts of interest' },
  { id: 'people', title: 'People and conduct' },
  { id: 'technology', title: 'Technology and communication' },
  { id: 'risk', title: 'Risk, audit and continuity' },
] as const;

export const ROLES = [
  'Compliance Officer', 'Records Manager', 'IT Lead', 'Head of People', 'Money Laundering Reporting Officer',
  'Data Protection Officer', 'General Counsel', 'Head of Risk', 'Finance Director', 'Chief Operating Officer',
] as const;

export const APPROVERS = ['Management Committee', 'Risk Committee', 'Managing Partner', 'Board of Partners', 'Compliance Committee'] as const;

export const AUDIENCES = ['All staff', 'Fee earners', 'Partners', 'Trainees', 'Support staff', 'Contractors', 'Finance team', 'IT team'] as const;

const SUBJECTS = [
  'Every fee earner', 'The supervising partner', 'The Compliance Officer', 'Support staff', 'The matter team',
  'The Records Manager', 'The IT Lead', 'Each trainee', 'The Money Laundering Reporting Officer', 'The Data Protection Officer',
  'The Head of People', 'Anyone working on the matter', 'The Risk Committee', 'External contractors', 'The practice group leader',
  'The client relationship partner', 'The finance team', 'The conflicts team', 'Reception staff', 'The matter secretary',
];

const MODALS = ['must', 'must', 'should', 'is expected to', 'must always', 'will'];

const VERBS = [
  'record', 'verify', 'encrypt', 'review', 'approve', 'escalate', 'document', 'retain', 'securely destroy', 'redact',
  'restrict access to', 'report', 'archive', 'audit', 'classify', 'label', 'check', 'store', 'transfer', 'reconcile',
  'screen', 'assess', 'countersign', 'log', 'anonymise',
];

const OBJECTS = [
  'client identity documents', 'privileged correspondence', 'the conflict search results', 'matter files', 'personal data',
  'source of funds evidence', 'billing records', 'draft pleadings', 'settlement agreements', 'board minutes',
  'due diligence reports', 'witness statements', 'expert reports', 'engagement letters', 'access logs',
  'backup media', 'the risk assessment', 'the attendance note', 'the undertakings register', 'signed agreements',
  'beneficial ownership records', 'sanctions screening results', 'the gifts register', 'disclosure schedules', 'medical records',
  'payroll information', 'encryption recovery keys', 'visitor logs', 'court orders', 'client account ledgers',
];

const QUALIFIERS = [
  'before the matter is opened', 'within five working days', 'in the document management system',
  'using the approved encrypted channel', 'unless the client has agreed otherwise in writing', 'at least once a year',
  'as soon as practicable', 'whenever the risk rating changes', 'in line with the retention schedule',
  'where the law or a court order requires it', 'on a need-to-know basis', 'before any funds are received',
  'without delay', 'at the end of each quarter', 'when the matter closes', 'and keep evidence of the check on file',
  'before sharing anything with a third party', 'within 72 hours of becoming aware of the issue',
  'using the template in the precedent bank', 'after two-factor authentication', 'in the practice management system',
  'before the engagement letter is signed', 'whenever a new party joins the matter', 'in the secure data room',
];

const REASONS = [
  "This protects the client's legal professional privilege.",
  'The regulator expects a documented audit trail for every decision.',
  'A missed step here can expose the firm to fines, claims and loss of reputation.',
  'Clients rely on us to keep their affairs private, even from colleagues who do not need to know.',
  'The Proceeds of Crime Act 2002 makes tipping off a criminal offence.',
  'Personal data must be kept no longer than necessary for the purpose it was collected for.',
  'Our professional indemnity insurers review compliance with this rule at renewal.',
  'Most phishing and ransomware incidents start with a single careless click.',
  'Segregation of duties means no single person can approve and execute the same payment.',
  'Least privilege keeps the damage small if an account is ever compromised.',
  'Politically exposed persons and their associates always need enhanced due diligence.',
  'Without prejudice material must never be shown to the court by mistake.',
  'A litigation hold overrides the retention schedule until the Compliance Officer lifts it.',
  'Encryption at rest and in transit is required for every device that leaves the office.',
  'The Solicitors Regulation Authority may ask to see these records at any time.',
  'The data controller remains responsible even when a processor handles the data.',
  'Information barriers only work if they are monitored and breaches are reported.',
  'Unreconciled client account balances are reportable to the regulator.',
];

const CONDITIONS = [
  'a client asks for an exception', 'the matter involves a politically exposed person', 'a device is lost or stolen',
  'an e-mail is sent to the wrong recipient', 'funds arrive from an unexpected source', 'a conflict is identified after instruction',
  'a regulator or the police ask for information', 'the client is based outside the United Kingdom',
  'a supplier will process personal data', 'the matter is urgent and the usual approver is away',
  'a member of staff leaves the firm', 'documents are taken out of the office', 'a subject access request is received',
  'a gift is worth more than the threshold', 'a suspicion of money laundering arises',
];

const SECTION_TITLES = [
  'Purpose and scope', 'Responsibilities', 'Procedure', 'Records and evidence', 'Exceptions and escalation',
  'Monitoring and review', 'Training', 'Definitions', 'Working with third parties', 'When things go wrong',
];

const SUBSECTION_TITLES = [
  'Before you start', 'During the matter', 'At the end of the matter', 'Urgent cases', 'Paper records',
  'Electronic records', 'Approvals', 'Overseas clients', 'Working away from the office', 'Keeping evidence',
  'Sign-off', 'Reporting a concern',
];

const TIME_PERIODS = ['for 5 working days', 'for 30 days', 'for 3 months', 'for 12 months', 'for 6 years', 'for 7 years', 'for 15 years', 'permanently', 'until any hold is lifted'];

/** Terms of art; each policy draws a few, so search has distinctive words to find. */
export const GLOSSARY = [
  'legal professional privilege', 'the retention schedule', 'beneficial ownership', 'politically exposed persons',
  'tipping off', 'the data controller', 'two-factor authentication', 'phishing', 'ransomware', 'encryption at rest',
  'least privilege', 'segregation of duties', 'without prejudice correspondence', 'a litigation hold', 'enhanced due diligence',
  'simplified due diligence', 'the suspicious activity report', 'the conflicts register', 'the gifts register', 'client care letters',
  'the undertakings register', 'the breach log', 'the file review programme', 'the business continuity plan', 'the incident response plan',
  'the acceptable use rules', 'the clean desk rule', 'the visitor badge system', 'the secure print queue', 'the data room',
  'the escrow arrangements', 'the transfer impact assessment', 'the records of processing', 'the privacy notice', 'the key ceremony',
] as const;

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const lowerFirst = (s: string): string => (/^(The|Every|Each|Anyone|Support|External|Reception) /.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);

/** One sentence of policy prose; `topic` and `terms` make each policy's text its own. */
export function sentence(rng: Rng, topic: string, terms: readonly string[]): string {
  switch (rng.int(0, 6)) {
    case 0:
    case 1:
      return `${rng.pick(SUBJECTS)} ${rng.pick(MODALS)} ${rng.pick(VERBS)} ${rng.pick(OBJECTS)} ${rng.pick(QUALIFIERS)}.`;
    case 2:
      return rng.pick(REASONS);
    case 3:
      return `Where ${rng.pick(CONDITIONS)}, ${lowerFirst(rng.pick(SUBJECTS))} ${rng.pick(MODALS)} ${rng.pick(VERBS)} ${rng.pick(OBJECTS)} ${rng.pick(QUALIFIERS)}.`;
    case 4:
      return `Under this ${topic} policy, ${rng.pick(OBJECTS)} are kept ${rng.pick(TIME_PERIODS)} and ${rng.pick(['reviewed', 'checked', 'sampled', 'audited'])} by the ${rng.pick(ROLES)}.`;
    case 5:
      return `${capitalise(rng.pick(terms))} ${rng.pick(['applies to', 'covers', 'affects', 'is relevant to'])} ${rng.pick(OBJECTS)} ${rng.pick(QUALIFIERS)}.`;
    default:
      return `If in doubt about ${rng.pick(terms)}, ask the ${rng.pick(ROLES)} ${rng.pick(['before acting', 'and record the advice', 'in writing', 'straight away'])}.`;
  }
}

/** A block of a policy body; revisions edit these and the files are written from them. */
export type Block =
  | { kind: 'h2' | 'h3'; text: string }
  | { kind: 'p'; sentences: string[] }
  | { kind: 'ul' | 'ol'; items: string[] }
  | { kind: 'task'; items: string[]; checked: boolean[] }
  | { kind: 'table'; header: string[]; rows: string[][] };

function paragraph(rng: Rng, topic: string, terms: readonly string[], min: number, max: number): Block {
  return { kind: 'p', sentences: Array.from({ length: rng.int(min, max) }, () => sentence(rng, topic, terms)) };
}

function table(rng: Rng): Block {
  const rows = (make: () => string[]): string[][] => Array.from({ length: rng.int(4, 6) }, make);
  switch (rng.int(0, 2)) {
    case 0:
      return { kind: 'table', header: ['Record', 'Kept', 'Owner'], rows: rows(() => [capitalise(rng.pick(OBJECTS)), rng.pick(TIME_PERIODS), rng.pick(ROLES)]) };
    case 1:
      return { kind: 'table', header: ['Risk level', 'Check required', 'Approved by'], rows: rows(() => [rng.pick(['Low', 'Medium', 'High', 'Very high']), capitalise(`${rng.pick(VERBS)} ${rng.pick(OBJECTS)}`), rng.pick(ROLES)]) };
    default:
      return { kind: 'table', header: ['Step', 'Who', 'Deadline'], rows: rows(() => [capitalise(`${rng.pick(VERBS)} ${rng.pick(OBJECTS)}`), rng.pick(ROLES), capitalise(rng.pick(QUALIFIERS))]) };
  }
}

function list(rng: Rng, kind: 'ul' | 'ol', topic: string, terms: readonly string[]): Block {
  return { kind, items: Array.from({ length: rng.int(3, 6) }, () => sentence(rng, topic, terms)) };
}

function taskList(rng: Rng, topic: string, terms: readonly string[]): Block {
  const items = Array.from({ length: rng.int(3, 5) }, () => sentence(rng, topic, terms));
  return { kind: 'task', items, checked: items.map(() => rng.chance(0.25)) };
}

/**
 * A policy body of about `targetWords` words: an introduction, then h2 sections with h3
 * subsections, a table, bullet, numbered and task lists, as the sample policies have.
 */
export function policyBody(rng: Rng, topic: string, terms: readonly string[], targetWords = 800): Block[] {
  const blocks: Block[] = [paragraph(rng, topic, terms, 3, 4)];
  const titles = [...SECTION_TITLES];
  // Every body has each kind of block at least once, in a seeded order; later sections draw at random.
  const features = ['table', 'ul', 'ol', 'task'].sort(() => rng.next() - 0.5);
  let section = 0;
  // Stop a little short: the last section overshoots by about its own length.
  while (countWords(blocks) < targetWords - 60) {
    const title = titles.length ? titles.splice(rng.int(0, titles.length - 1), 1)[0]! : `${rng.pick(SECTION_TITLES)} (${++section})`;
    blocks.push({ kind: 'h2', text: title }, paragraph(rng, topic, terms, 2, 4));
    const extra = features.shift() ?? rng.pick(['table', 'ul', 'ol', 'task', 'none', 'none']);
    if (extra === 'table') blocks.push(table(rng));
    else if (extra === 'ul') blocks.push(list(rng, 'ul', topic, terms));
    else if (extra === 'ol') blocks.push(list(rng, 'ol', topic, terms));
    else if (extra === 'task') blocks.push(taskList(rng, topic, terms));
    if (rng.chance(0.4)) {
      blocks.push({ kind: 'h3', text: rng.pick(SUBSECTION_TITLES) }, paragraph(rng, topic, terms, 2, 4));
    }
  }
  return blocks;
}

/** Words in the body as a reader counts them (table cells included). */
export function countWords(blocks: readonly Block[]): number {
  return toMarkdown(blocks).split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;
}

/** What a revision changed, in the plain language of a change note. */
export interface Revision {
  blocks: Block[];
  notes: string[];
}

function paragraphIndexes(blocks: readonly Block[]): number[] {
  return blocks.flatMap((b, i) => (b.kind === 'p' ? [i] : []));
}

function sectionOf(blocks: readonly Block[], index: number): string {
  for (let i = index; i >= 0; i--) {
    const b = blocks[i]!;
    if (b.kind === 'h2' || b.kind === 'h3') return b.text.toLowerCase();
  }
  return 'introduction';
}

/**
 * The next version of a body, the way policies are revised: a few sentences reworded, and a
 * paragraph added or removed. `scale` multiplies the number of edits (for long documents);
 * `targetWords` is the length the text stays near.
 */
export function revise(rng: Rng, previous: readonly Block[], topic: string, terms: readonly string[], scale = 1, targetWords = 800): Revision {
  const blocks: Block[] = previous.map((b) => structuredClone(b));
  // Policies are trimmed as often as they grow: drift back towards the target length, so a
  // policy with 100 versions ends about as long as it started.
  const words = countWords(blocks);
  const removeChance = words > targetWords * 1.1 ? 0.8 : words < targetWords * 0.9 ? 0.1 : 0.4;
  const notes: string[] = [];
  const rewordings = rng.int(2, 4) * scale;
  for (let n = 0; n < rewordings; n++) {
    const indexes = paragraphIndexes(blocks);
    const i = rng.pick(indexes);
    const block = blocks[i] as { kind: 'p'; sentences: string[] };
    block.sentences[rng.int(0, block.sentences.length - 1)] = sentence(rng, topic, terms);
    if (n < 2) notes.push(`Reworded a requirement in ${sectionOf(blocks, i)}.`);
  }
  for (let n = 0; n < scale; n++) {
    const indexes = paragraphIndexes(blocks);
    if (indexes.length > 4 && rng.chance(removeChance)) {
      const i = rng.pick(indexes.slice(1));
      notes.push(`Removed a paragraph from ${sectionOf(blocks, i)}.`);
      blocks.splice(i, 1);
    } else {
      const i = rng.pick(indexes);
      blocks.splice(i + 1, 0, paragraph(rng, topic, terms, 2, 4));
      notes.push(`Added a paragraph to ${sectionOf(blocks, i)}.`);
    }
  }
  if (words < targetWords && rng.chance(0.3)) {
    const list = blocks.find((b) => b.kind === 'ul' || b.kind === 'ol');
    if (list && (list.kind === 'ul' || list.kind === 'ol')) {
      list.items.push(sentence(rng, topic, terms));
      notes.push('Added a step to a list.');
    }
  }
  return { blocks, notes };
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|');
}

/** Markdown (valid MDX too: no braces or angle brackets in the vocabulary) for a body. */
export function toMarkdown(blocks: readonly Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'h2':
        out.push(`## ${b.text}`);
        break;
      case 'h3':
        out.push(`### ${b.text}`);
        break;
      case 'p':
        out.push(b.sentences.join(' '));
        break;
      case 'ul':
        out.push(b.items.map((item) => `- ${item}`).join('\n'));
        break;
      case 'ol':
        out.push(b.items.map((item, i) => `${i + 1}. ${item}`).join('\n'));
        break;
      case 'task':
        out.push(b.items.map((item, i) => `- [${b.checked[i] ? 'x' : ' '}] ${item}`).join('\n'));
        break;
      case 'table':
        out.push(
          [`| ${b.header.map(cell).join(' | ')} |`, `| ${b.header.map(() => '---').join(' | ')} |`, ...b.rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n'),
        );
        break;
    }
  }
  return `${out.join('\n\n')}\n`;
}
