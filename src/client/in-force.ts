/**
 * Keeps every "in force" and "due" sentence true after the build: each `[data-statement]`
 * element is recomputed for the reader's own today from the facts the build embedded, with the
 * same functions the build used (src/lib/in-force.ts). The page then states one date, today's.
 */
import { localToday, type CalendarDate } from '../lib/dates.ts';
import { isStatementKind, statement, type Part, type PolicyFacts, type StatementContext } from '../lib/in-force.ts';

const body = document.body.dataset;
export const context: StatementContext = {
  today: localToday(),
  built: (body['built'] ?? localToday()) as CalendarDate,
  warnDays: Number(body['reviewWarn'] ?? '60'),
};

/** The facts of every policy the page mentions, once each. */
const all = new Map<string, PolicyFacts>();
const printed: Record<string, string> = {};
const factsOf = new Map<HTMLElement, PolicyFacts>();
for (const el of document.querySelectorAll<HTMLElement>('[data-facts]')) {
  const facts = JSON.parse(el.dataset['facts']!) as PolicyFacts;
  factsOf.set(el, facts);
  if (!all.has(facts.s)) all.set(facts.s, facts);
  if (el.dataset['printed']) printed[facts.s] = el.dataset['printed'];
}

function render(part: Part): Node {
  if (typeof part === 'string') return document.createTextNode(part);
  const tag = part.href ? 'a' : part.strong ? 'strong' : part.cls || part.asAt ? 'span' : part.time ? 'time' : undefined;
  if (!tag) return document.createTextNode(part.text);
  const el = document.createElement(tag);
  el.textContent = part.text;
  if (part.href) el.setAttribute('href', part.href);
  else if (part.cls) el.className = part.cls;
  else if (part.asAt) (el.className = 'as-at'), el.setAttribute('data-as-at', '');
  else if (part.time) el.setAttribute('datetime', part.time);
  return el;
}

/** Recomputes one statement element in place. */
export function refresh(el: HTMLElement, ctx: StatementContext = context): void {
  const kind = el.dataset['statement'] ?? '';
  if (!isStatementKind(kind)) return;
  const holder = el.dataset['facts'] ? el : el.parentElement?.closest<HTMLElement>('[data-facts]');
  const facts = holder ? factsOf.get(holder) : undefined;
  const version = el.dataset['version'];
  const said = statement(kind, { ...(facts ? { facts } : {}), ...(version ? { version } : {}), canonical: el.dataset['canonical'] !== undefined, all: [...all.values()], printed }, ctx);
  el.hidden = !said;
  el.className = [el.dataset['class'], said?.cls].filter(Boolean).join(' ');
  el.replaceChildren(...(said?.parts.map(render) ?? []));
}

for (const el of document.querySelectorAll<HTMLElement>('[data-statement]')) refresh(el);

/** Every policy on the page, for scripts that order or filter by them. */
export { factsOf };
