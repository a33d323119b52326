import { addDays, daysBetween, formatDate, parseCalendarDate, type CalendarDate } from '../../src/lib/dates.ts';
import { statusBetween, type StatusEvent } from '../../src/lib/status.ts';
import { today } from '../../src/lib/env.ts';
import { pagedPolicies } from '../../src/lib/routes.ts';
import { loadOrReport, UsageError, type Command } from './shared.ts';

/** Days the window covers when --to is not given. */
const DEFAULT_DAYS = 30;

function dateOption(name: string, value: unknown): CalendarDate | undefined {
  if (value === undefined) return undefined;
  const date = parseCalendarDate(value);
  if (!date) throw new UsageError(`--${name} takes a date written YYYY-MM-DD, received "${String(value)}".`);
  return date;
}

function line(e: StatusEvent): string {
  const when = formatDate(e.date).padEnd(17);
  if (e.kind === 'withdrawn') return `  ${when}  ${e.title}`;
  if (e.kind === 'takes-effect') return `  ${when}  ${e.title}: version ${e.version}${e.replaces ? ` replaces ${e.replaces}` : ' (its first version)'}`;
  return `  ${when}  ${e.title} (review by ${formatDate(e.nextReview)})`;
}

export const status: Command = {
  options: {
    from: { type: 'string' },
    to: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(positionals, values) {
    if (positionals.length) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
    const from = dateOption('from', values['from']) ?? today();
    const to = dateOption('to', values['to']) ?? addDays(from, DEFAULT_DAYS);
    if (to < from) throw new UsageError(`--to (${to}) is before --from (${from}), expected the window's last day on or after its first.`);
    const handbook = loadOrReport();
    if (!handbook) return 1;
    const warnDays = handbook.config.review.warnDays;
    const result = statusBetween(
      pagedPolicies(handbook).map((p) => ({
        slug: p.slug,
        title: p.current.data.title,
        versions: p.versions.map((v) => ({ version: v.version, effective: v.data.effective, withdrawn: v.data.withdrawn })),
        nextReview: p.review.next,
      })),
      from,
      to,
      warnDays,
    );
    if (values['json']) {
      console.log(JSON.stringify(result, null, 2));
      return 0;
    }
    const days = daysBetween(from, to) + 1;
    const out = [`Handbook status from ${formatDate(from)} to ${formatDate(to)} (${days} ${days === 1 ? 'day' : 'days'}):`];
    const sections: [StatusEvent['kind'], string][] = [
      ['takes-effect', 'Taking effect (rebuild the site on the day, or rebuild daily)'],
      ['withdrawn', 'Withdrawn'],
      ['review-due', `Reviews becoming due soon (${warnDays} days before the review date)`],
      ['review-overdue', 'Reviews becoming overdue'],
    ];
    for (const [kind, heading] of sections) {
      const events = result.events.filter((e) => e.kind === kind);
      if (events.length) out.push('', heading, ...events.map(line));
    }
    if (!result.events.length) out.push('', 'Nothing takes effect or becomes due in this window.');
    const overdue = result.overdueOnFrom.length;
    if (overdue) out.push('', `Already overdue on ${formatDate(from)}: ${overdue} ${overdue === 1 ? 'policy' : 'policies'} (handbook review lists them).`);
    console.log(out.join('\n'));
    return 0;
  },
};
