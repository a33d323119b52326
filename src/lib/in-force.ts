/**
 * Every sentence a page says about "what is in force" and "what is due", as data.
 *
 * A page is built once and read for weeks, so each such sentence is computed twice from the
 * same facts and the same rules (src/lib/versions.ts, src/lib/review.ts): at build time for the
 * build date (what a reader without JavaScript sees) and in the reader's browser for the
 * reader's today (src/client/in-force.ts). Both render the `Part`s these functions return, so
 * the two can never say different things about the same day.
 *
 * A page states its date once: the one part marked `asAt`.
 */
import { daysBetween, formatDate, type CalendarDate } from './dates.ts';
import { REVIEW_STATES, reviewState, type ReviewState } from './review.ts';
import { classifyVersions, isWithdrawnOn, versionInForce, withdrawalDate, type VersionState } from './versions.ts';

/**
 * What the browser needs to know of a policy, embedded in the page as JSON (`data-facts`).
 * Short keys: the sidebar repeats them on every policy page.
 */
export interface PolicyFacts {
  /** Slug. */
  s: string;
  /** Title. */
  t: string;
  /** Address of the canonical page. */
  u: string;
  /**
   * Dated changes, oldest first: each published version from its effective date, with its
   * address; the latest may carry the day the whole policy is withdrawn (src/lib/versions.ts).
   */
  v: { version: string; effective: CalendarDate; href: string; withdrawn?: CalendarDate }[];
  /** The policy that replaces a withdrawn one: title and address. */
  x?: { t: string; u: string };
  /** Review record: last reviewed and next review (lastReviewed + interval). */
  r: { last: CalendarDate; next: CalendarDate };
}

/** A piece of a sentence: text, a link, strong text, a styled span, or the page's date. */
export type Part = string | { text: string; href?: string; strong?: true; cls?: string; time?: CalendarDate; asAt?: true };

/** A sentence, or `null` when there is nothing to say (the element is hidden). */
export interface Statement {
  parts: Part[];
  /** Extra class for the element (a banner's kind, a badge's state). */
  cls?: string;
}

export interface StatementContext {
  /** The day the sentence is computed for: the build date, or the reader's today. */
  today: CalendarDate;
  /** The build date. */
  built: CalendarDate;
  /** Days before the review date from which a review is "due soon". */
  warnDays: number;
}

/** What a statement element knows besides the context: its policy, and the version the page shows. */
export interface StatementInput {
  facts?: PolicyFacts;
  /** The version the page (or list entry) shows, when it is about one version. */
  version?: string;
  /** Every policy the page knows of, for counts and summaries. */
  all: PolicyFacts[];
  /** True on the canonical page, which says "a later version took effect" instead of a superseded banner. */
  canonical?: boolean;
  /** On the print edition: the version printed for each slug. */
  printed?: Record<string, string>;
}

const date = (d: CalendarDate): Part => ({ text: formatDate(d), time: d });
/** The page's one date: "as at 15 November 2026" (or "As at …" to start a sentence). */
const asAt = (ctx: StatementContext, words = 'as at'): Part => ({ text: `${words} ${formatDate(ctx.today)}`, asAt: true });
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The state of each version on the context's day, oldest first. */
export function versionStates(facts: PolicyFacts, today: CalendarDate) {
  return classifyVersions(facts.v, today);
}

/** The state of one version on a day. */
function stateOf(facts: PolicyFacts, version: string, today: CalendarDate): VersionState {
  return versionStates(facts, today).find((c) => c.item.version === version)?.state ?? 'superseded';
}

/** The version in force on a day; for a policy none of whose versions has come, undefined. */
export function inForce(facts: PolicyFacts, today: CalendarDate) {
  return versionInForce(facts.v, today);
}

/** The version a list shows for a policy: the one in force, or its first upcoming one. */
function shownVersion(facts: PolicyFacts, today: CalendarDate) {
  return inForce(facts, today) ?? facts.v[0]!;
}

/** Where to read a version: the canonical page when that is what it shows (it was in force at the build), else its own page. */
function readAt(facts: PolicyFacts, v: PolicyFacts['v'][number], ctx: StatementContext): string {
  return inForce(facts, ctx.built)?.version === v.version ? facts.u : v.href;
}

function find(facts: PolicyFacts, version: string) {
  return facts.v.find((v) => v.version === version)!;
}

/** "Version 2.1 — in force since 1 June 2026 — current as at 15 November 2026". */
function status(input: StatementInput, ctx: StatementContext): Statement | null {
  const { facts, version } = input;
  if (!facts || !version) return null;
  const classified = versionStates(facts, ctx.today);
  const at = classified.findIndex((c) => c.item.version === version);
  const me = classified[at];
  if (!me) return null;
  const head: Part = { text: `Version ${version}`, strong: true };
  if (me.state === 'current') return { parts: [head, ' — in force since ', date(me.item.effective), ' — current ', asAt(ctx)] };
  if (me.state === 'upcoming') return { parts: [head, ' — takes effect on ', date(me.item.effective), ' — not yet in force ', asAt(ctx)] };
  if (me.state === 'withdrawn') {
    const off = withdrawalDate(facts.v)!;
    return { parts: [head, ...(me.item.effective < off ? [' — in force ', date(me.item.effective), ' to ', date(off)] : [' — withdrawn before it took effect']), ' — withdrawn ', asAt(ctx)] };
  }
  const by = me.supersededBy!;
  return { parts: [head, ' — in force ', date(me.item.effective), ' to ', date(by.effective), ` — superseded by version ${by.version} `, asAt(ctx)] };
}

/** The banner of a superseded or upcoming version's own page. */
function banner(input: StatementInput, ctx: StatementContext): Statement | null {
  const { facts, version } = input;
  if (!facts || !version) return null;
  const state = stateOf(facts, version, ctx.today);
  const current = inForce(facts, ctx.today);
  if (state === 'superseded') {
    // A withdrawn policy's pages carry the withdrawal banner instead.
    if (input.canonical || isWithdrawnOn(facts.v, ctx.today)) return null;
    return {
      cls: 'banner-superseded',
      parts: [{ text: 'This version has been superseded.', strong: true }, ' It is kept for the record. Read the ',
        ...(current ? [{ text: `current version (${current.version}, in force since ${formatDate(current.effective)})`, href: readAt(facts, current, ctx) }] : [{ text: 'latest version', href: facts.u }]), '.'],
    };
  }
  if (state === 'upcoming') {
    const me = find(facts, version);
    return {
      cls: 'banner-upcoming',
      parts: [{ text: `This version takes effect on ${formatDate(me.effective)}.`, strong: true }, ' ',
        ...(current ? ['Until then ', { text: `version ${current.version}`, href: current.href }, ' applies.'] : ['No earlier version is in force.'])],
    };
  }
  return null;
}

/**
 * On the canonical page: a version that took effect after the build.
 * "Version 2.1 took effect on 1 February 2027. This page shows 2.0, built on 29 November 2026 — read version 2.1."
 */
function notice(input: StatementInput, ctx: StatementContext): Statement | null {
  const { facts, version } = input;
  if (!facts || !version) return null;
  const current = inForce(facts, ctx.today);
  const shown = find(facts, version);
  // A withdrawal has its own banner.
  if (!current || current.version === version || current.effective <= shown.effective) return null;
  return {
    cls: 'banner-superseded',
    parts: [{ text: `Version ${current.version} took effect on ${formatDate(current.effective)}.`, strong: true },
      ` This page shows ${version}, built on ${formatDate(ctx.built)} — `, { text: `read version ${current.version}`, href: current.href }, '.'],
  };
}

/**
 * On every page a withdrawn (or to be withdrawn) policy keeps:
 * "Withdrawn on 1 December 2026 — replaced by Expenses. This policy no longer applies; it is kept for the record."
 */
function withdrawal(input: StatementInput, ctx: StatementContext): Statement | null {
  const { facts } = input;
  const off = facts && withdrawalDate(facts.v);
  if (!facts || !off) return null;
  const past = off <= ctx.today;
  return {
    cls: past ? 'banner-withdrawn' : 'banner-upcoming',
    parts: [{ text: `${past ? 'Withdrawn' : 'To be withdrawn'} on ${formatDate(off)}`, strong: true }, ...(facts.x ? [' — replaced by ', { text: facts.x.t, href: facts.x.u }] : []), '.',
      past ? ' This policy no longer applies; it is kept for the record.' : ' Until then it applies.'],
  };
}

/** A later version listed on a version's page: "Version 2.1, taking effect 1 February 2027". */
function laterVersion(input: StatementInput, ctx: StatementContext): Statement | null {
  const { facts, version } = input;
  if (!facts || !version) return null;
  const me = find(facts, version);
  const state = stateOf(facts, version, ctx.today);
  const when = state === 'upcoming' ? `taking effect ${formatDate(me.effective)}` : state === 'current' ? `in force since ${formatDate(me.effective)}` : `in force from ${formatDate(me.effective)}, since superseded`;
  return { parts: [{ text: `Version ${version}, ${when}`, href: me.href }] };
}

/**
 * Beside a policy in a list or the sidebar: what changes soon, or changed since the build.
 * "2.1 from 1 February 2027", "2.1 in force since 1 February 2027".
 */
function marker(input: StatementInput, ctx: StatementContext): Statement | null {
  const { facts } = input;
  if (!facts) return null;
  const off = withdrawalDate(facts.v);
  if (off) return { parts: [off <= ctx.today ? `withdrawn on ${formatDate(off)}` : `to be withdrawn on ${formatDate(off)}`] };
  const next = versionStates(facts, ctx.today).find((c) => c.state === 'upcoming' && inForce(facts, ctx.today));
  if (next) return { parts: [`${next.item.version} from ${formatDate(next.item.effective)}`] };
  const now = inForce(facts, ctx.today);
  const then = inForce(facts, ctx.built);
  if (now && then && now.version !== then.version) return { parts: [`${now.version} in force since ${formatDate(now.effective)}`] };
  return null;
}

/** "version 2.0", or for a policy not yet in force "version 1.0, from 1 March 2027". */
function listedVersion(input: StatementInput, ctx: StatementContext): Statement | null {
  const { facts } = input;
  if (!facts) return null;
  if (isWithdrawnOn(facts.v, ctx.today)) return { parts: [`withdrawn on ${formatDate(withdrawalDate(facts.v)!)}`] };
  const v = shownVersion(facts, ctx.today);
  return { parts: [v.effective > ctx.today ? `version ${v.version}, from ${formatDate(v.effective)}` : `version ${v.version}`] };
}

/** The dashboard's "current version" cell: the version in force, or "none yet". */
function inForceVersion(input: StatementInput, ctx: StatementContext): Statement | null {
  const { facts } = input;
  if (!facts) return null;
  const v = inForce(facts, ctx.today);
  return { parts: [v ? { text: v.version, href: v.href } : isWithdrawnOn(facts.v, ctx.today) ? 'withdrawn' : 'none yet'] };
}

/** The dashboard's "upcoming" cell: "2.1, from 1 February 2027", or "—". */
function upcomingVersion(input: StatementInput, ctx: StatementContext): Statement | null {
  const { facts } = input;
  if (!facts) return null;
  const next = versionStates(facts, ctx.today).find((c) => c.state === 'upcoming');
  return { parts: [next ? { text: `${next.item.version}, from ${formatDate(next.item.effective)}`, href: next.item.href } : '—'] };
}

/** For one version in a list: "Effective 1 June 2025 · superseded", "Takes effect 1 February 2027 · upcoming". */
function versionWhen(input: StatementInput, ctx: StatementContext): Statement | null {
  const { facts, version } = input;
  if (!facts || !version) return null;
  const me = find(facts, version);
  const state = stateOf(facts, version, ctx.today);
  return { cls: `state-${state}`, parts: [state === 'upcoming' ? 'Takes effect ' : 'Effective ', date(me.effective), ` · ${state}`] };
}

/** A version's state as a label: "Current", "Superseded", "Upcoming". */
function versionLabel(input: StatementInput, ctx: StatementContext): Statement | null {
  const { facts, version } = input;
  if (!facts || !version) return null;
  const state = stateOf(facts, version, ctx.today);
  return { cls: `state state-${state}`, parts: [state[0]!.toUpperCase() + state.slice(1)] };
}

/** A policy's review state on the context's day. */
export function reviewOf(facts: PolicyFacts, ctx: StatementContext): ReviewState {
  return reviewState(facts.r.next, ctx.today, ctx.warnDays);
}

/** The state said once: "Review overdue by 96 days", "Review due in 12 days", "Review due today", "Reviewed". */
export function reviewPhrase(next: CalendarDate, today: CalendarDate, warnDays: number): string {
  const days = daysBetween(today, next);
  const state = reviewState(next, today, warnDays);
  if (state === 'overdue') return `Review overdue by ${plural(-days, 'day')}`;
  if (state === 'due') return days === 0 ? 'Review due today' : `Review due in ${plural(days, 'day')}`;
  return 'Reviewed';
}

/**
 * The review record on a policy page: "Last reviewed 20 May 2026 · next review by 20 May 2027",
 * with the state. A superseded version's page does not wear the policy's badge as its own.
 */
function reviewRecord(input: StatementInput, ctx: StatementContext): Statement | null {
  const { facts, version } = input;
  // A withdrawn policy is no longer reviewed: its banner says so.
  if (!facts || isWithdrawnOn(facts.v, ctx.today)) return null;
  if (version && stateOf(facts, version, ctx.today) === 'superseded') {
    const current = inForce(facts, ctx.today);
    return { cls: 'review-superseded', parts: [`This version is no longer in force, so it is no longer reviewed. `, ...(current ? [{ text: `Version ${current.version}`, href: current.href }, ' carries the policy\'s review record.'] : [])] };
  }
  const state = reviewOf(facts, ctx);
  return {
    parts: ['Last reviewed ', date(facts.r.last), ' · next review by ', date(facts.r.next), ' ',
      { text: reviewPhrase(facts.r.next, ctx.today, ctx.warnDays), cls: `review-badge review-${state}` }],
  };
}

/** A short marker beside an overdue or due-soon policy in lists; nothing when current. */
function reviewMarker(input: StatementInput, ctx: StatementContext): Statement | null {
  const { facts } = input;
  if (!facts || isWithdrawnOn(facts.v, ctx.today)) return null;
  const state = reviewOf(facts, ctx);
  if (state === 'current') return null;
  return { cls: `review-${state}`, parts: [{ text: state === 'overdue' ? 'Review overdue' : 'Review due soon' }] };
}

/** The dashboard's state cell: the state once, with the days. */
function reviewCell(input: StatementInput, ctx: StatementContext): Statement | null {
  const { facts } = input;
  if (!facts) return null;
  if (isWithdrawnOn(facts.v, ctx.today)) return { parts: [`Withdrawn on ${formatDate(withdrawalDate(facts.v)!)}`] };
  const state = reviewOf(facts, ctx);
  return { cls: `review-badge review-${state}`, parts: [reviewPhrase(facts.r.next, ctx.today, ctx.warnDays)] };
}

/** How many of the policies are in each review state on the context's day. */
export function reviewCounts(all: readonly PolicyFacts[], ctx: StatementContext): Record<ReviewState, number> {
  const counts = Object.fromEntries(REVIEW_STATES.map((s) => [s, 0])) as Record<ReviewState, number>;
  for (const f of all) if (!isWithdrawnOn(f.v, ctx.today)) counts[reviewOf(f, ctx)] += 1;
  return counts;
}

/** Home: "2 overdue, 3 due within 60 days, 12 reviewed and current, as at 15 November 2026." */
function homeSummary(input: StatementInput, ctx: StatementContext): Statement {
  const c = reviewCounts(input.all, ctx);
  return { parts: [`${c.overdue} overdue, ${c.due} due within ${ctx.warnDays} days, ${c.current} reviewed and current, `, asAt(ctx), '.'] };
}

/** Dashboard: "As at 15 November 2026: 2 overdue, 3 due within 60 days, 12 current." */
function dashboardSummary(input: StatementInput, ctx: StatementContext): Statement {
  const c = reviewCounts(input.all, ctx);
  return { parts: [asAt(ctx, 'As at'), `: ${c.overdue} overdue, ${c.due} due within ${ctx.warnDays} days, ${c.current} current.`] };
}

/** The handbook's edition on a day: the latest effective date among the versions in force. */
export function editionOn(all: readonly PolicyFacts[], today: CalendarDate): CalendarDate | undefined {
  let edition: CalendarDate | undefined;
  for (const f of all) {
    const v = inForce(f, today);
    if (v && (!edition || v.effective > edition)) edition = v.effective;
  }
  return edition;
}

/** Home: "edition of 1 June 2026". */
function edition(input: StatementInput, ctx: StatementContext): Statement | null {
  const e = editionOn(input.all, ctx.today);
  return e ? { parts: ['edition of ', date(e)] } : null;
}

/**
 * The print edition's cover: whether what it prints is still what is in force.
 * Each `all` entry is a printed policy; `version` attributes say which version was printed.
 */
function printCurrency(input: StatementInput, ctx: StatementContext): Statement {
  const newer = input.all.flatMap((f) => {
    const printed = input.printed?.[f.s];
    const now = inForce(f, ctx.today);
    const gone = isWithdrawnOn(f.v, ctx.today);
    return printed && (gone || (now && now.version !== printed)) ? [{ f, printed, now }] : [];
  });
  if (!newer.length) return { parts: [asAt(ctx, 'As at'), ', every policy printed here is the version in force.'] };
  return {
    cls: 'banner-superseded',
    parts: [asAt(ctx, 'As at'), `, ${plural(newer.length, 'policy has', 'policies have')} changed since this edition was built on ${formatDate(ctx.built)}: `,
      ...newer.flatMap(({ f, printed, now }, i) => [i ? '; ' : '',
        ...(now
          ? [{ text: `${f.t} ${now.version}`, href: now.href }, ` is in force since ${formatDate(now.effective)} (printed here: ${printed})`]
          : [`${f.t} was withdrawn on ${formatDate(withdrawalDate(f.v)!)} (printed here: ${printed})`])]), '.'],
  };
}

/** A page's date on its own: "As at 15 November 2026". */
function asAtLine(_input: StatementInput, ctx: StatementContext): Statement {
  return { parts: [asAt(ctx, 'As at')] };
}

/** The first effective date among the policies, or undefined when there are none. */
function firstEffective(all: readonly PolicyFacts[]): CalendarDate | undefined {
  return all.map((f) => f.v[0]?.effective).filter((d) => d !== undefined).sort()[0];
}

/**
 * The /as-at/ page's caption for its day (the context's `today`): "In force on 30 June 2024:",
 * or for a day before any version took effect, says so.
 */
function asAtCaption(input: StatementInput, ctx: StatementContext): Statement {
  const first = firstEffective(input.all);
  if (first && ctx.today < first) {
    return { cls: 'banner-upcoming', parts: [{ text: `On ${formatDate(ctx.today)} no policy of this handbook was in force yet.`, strong: true }, ` The first version took effect on ${formatDate(first)}.`] };
  }
  return { parts: [{ text: `In force on ${formatDate(ctx.today)}`, time: ctx.today }, ctx.today === ctx.built ? ', the day this handbook was built:' : ':'] };
}

/** The /as-at/ page's version cell: the version in force that day, linked, or "not yet in force". */
function asAtVersion(input: StatementInput, ctx: StatementContext): Statement | null {
  const { facts } = input;
  if (!facts) return null;
  const v = inForce(facts, ctx.today);
  return { parts: [v ? { text: v.version, href: v.href } : isWithdrawnOn(facts.v, ctx.today) ? 'withdrawn' : 'not yet in force'] };
}

/** The /as-at/ page's period cell: "1 June 2025 to 1 February 2027", "since 1 June 2026", "from 1 March 2027". */
function asAtPeriod(input: StatementInput, ctx: StatementContext): Statement | null {
  const { facts } = input;
  if (!facts) return null;
  if (isWithdrawnOn(facts.v, ctx.today)) return { parts: ['withdrawn on ', date(withdrawalDate(facts.v)!)] };
  const classified = versionStates(facts, ctx.today);
  const current = classified.find((c) => c.state === 'current');
  if (!current) return { parts: [`first version from ${formatDate(facts.v[0]!.effective)}`] };
  const next = classified.find((c) => c.state === 'upcoming');
  const off = withdrawalDate(facts.v);
  const until = next?.item.effective ?? off;
  return { parts: until ? [date(current.item.effective), ' to ', date(until)] : ['since ', date(current.item.effective)] };
}

export const STATEMENTS = {
  status,
  banner,
  notice,
  'later-version': laterVersion,
  withdrawal,
  marker,
  'listed-version': listedVersion,
  'version-when': versionWhen,
  'in-force-version': inForceVersion,
  'upcoming-version': upcomingVersion,
  'version-label': versionLabel,
  'review-record': reviewRecord,
  'review-marker': reviewMarker,
  'review-cell': reviewCell,
  'home-summary': homeSummary,
  'dashboard-summary': dashboardSummary,
  edition,
  'as-at': asAtLine,
  'as-at-caption': asAtCaption,
  'as-at-version': asAtVersion,
  'as-at-period': asAtPeriod,
  'print-currency': printCurrency,
} satisfies Record<string, (input: StatementInput, ctx: StatementContext) => Statement | null>;

export type StatementKind = keyof typeof STATEMENTS;

export function isStatementKind(kind: string): kind is StatementKind {
  return Object.hasOwn(STATEMENTS, kind);
}

/** Computes one statement. */
export function statement(kind: StatementKind, input: StatementInput, ctx: StatementContext): Statement | null {
  return STATEMENTS[kind](input, ctx);
}
