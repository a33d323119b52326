import { formatDate } from '../../src/lib/dates.ts';
import { inert } from '../../src/lib/escape.ts';
import { REVIEW_LABELS, isReviewState, describeDue } from '../../src/lib/review.ts';
import { reviewRows, type ReviewRow } from '../../src/lib/review-table.ts';
import { loadOrReport, UsageError, type Command } from './shared.ts';

function table(rows: ReviewRow[], today: string): string {
  const head = ['State', 'Next review', 'Due', 'Policy', 'Owner', 'Version', 'Upcoming'];
  const body = rows.map((r) => [
    REVIEW_LABELS[r.state],
    r.nextReview,
    describeDue(r.nextReview, today),
    r.title,
    r.owner,
    r.currentVersion,
    r.upcomingVersion ? `${r.upcomingVersion} from ${r.upcomingEffective}` : '',
  ].map(inert));
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

export const review: Command = {
  options: {
    within: { type: 'string' },
    owner: { type: 'string' },
    'fail-on': { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(positionals, values) {
    if (positionals.length) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
    const within = values['within'] === undefined ? undefined : Number(values['within']);
    if (within !== undefined && (!Number.isInteger(within) || within < 0)) throw new UsageError(`--within takes a whole number of days, received "${values['within']}".`);
    const failOn = values['fail-on'];
    if (failOn !== undefined && failOn !== 'overdue' && failOn !== 'due') throw new UsageError(`--fail-on takes "overdue" or "due", received "${failOn}".`);
    const handbook = loadOrReport();
    if (!handbook) return 1;
    const owner = typeof values['owner'] === 'string' ? values['owner'] : undefined;
    const rows = reviewRows(handbook, { ...(owner ? { owner } : {}), ...(within !== undefined ? { within } : {}) });
    if (values['json']) {
      console.log(JSON.stringify({ today: handbook.today, warnDays: handbook.config.review.warnDays, policies: rows }, null, 2));
    } else if (rows.length === 0) {
      console.log(`No policies match, as at ${formatDate(handbook.today)}.`);
    } else {
      console.log(`Reviews as at ${formatDate(handbook.today)} (due soon = within ${handbook.config.review.warnDays} days):\n`);
      console.log(table(rows, handbook.today));
    }
    // "due" fails on due-soon and overdue alike: both need the owner's attention.
    const failing = failOn === undefined ? [] : rows.filter((r) => isReviewState(r.state) && (r.state === 'overdue' || (failOn === 'due' && r.state === 'due')));
    if (failing.length) {
      console.error(`\n${failing.length} ${failing.length === 1 ? 'policy is' : 'policies are'} ${failOn === 'due' ? 'overdue or due soon' : 'overdue'}.`);
      return 1;
    }
    return 0;
  },
};
