/** Rules for agreement templates: the fields and parties their text uses. */
import type { AgreementFile } from './content.ts';
import type { ContentIssue } from './issues.ts';

const FIELD_USE = /<Field\b[^>]*?\bname\s*=\s*["']([^"']*)["']/g;
const SIGNATURE_USE = /<Signature\b[^>]*?\bparty\s*=\s*["']([^"']*)["']/g;

function uses(body: string, pattern: RegExp): { name: string; line: number }[] {
  return [...body.matchAll(pattern)].map((m) => ({ name: m[1] ?? '', line: body.slice(0, m.index).split('\n').length }));
}

/** Field names used in the text, in order of first use. */
export function fieldsUsed(body: string): string[] {
  return [...new Set(uses(body, FIELD_USE).map((u) => u.name))];
}

/** Checks that every `<Field name>` and `<Signature party>` in the text is declared in the frontmatter. */
export function checkAgreement(agreement: AgreementFile): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const declared = new Set(agreement.data.fields.map((f) => f.name));
  const parties = new Set(agreement.data.parties.map((p) => p.id));
  for (const use of uses(agreement.body, FIELD_USE)) {
    if (!declared.has(use.name)) {
      issues.push({
        file: agreement.file,
        field: 'fields',
        line: agreement.bodyLine + use.line - 1,
        message: `The text uses <Field name="${use.name}" /> but no field "${use.name}" is declared, expected it under fields: (declared: ${[...declared].join(', ') || 'none'}).`,
        ruleId: 'agreement-field-undeclared',
      });
    }
  }
  for (const use of uses(agreement.body, SIGNATURE_USE)) {
    if (!parties.has(use.name)) {
      issues.push({
        file: agreement.file,
        field: 'parties',
        line: agreement.bodyLine + use.line - 1,
        message: `The text has <Signature party="${use.name}" /> but no party "${use.name}" is declared, expected one of: ${[...parties].join(', ')}.`,
        ruleId: 'agreement-party-undeclared',
      });
    }
  }
  return issues;
}
