/** Rules for agreement templates: the components, fields and parties their text uses. */
import type { BodyScan } from './body.ts';
import type { AgreementFile } from './content.ts';
import type { ContentIssue } from './issues.ts';

/** The components an agreement's text may use (src/components/agreement/AgreementDocument.astro). */
export const AGREEMENT_COMPONENTS = ['Field', 'Signature', 'HandbookEdition', 'CurrentPolicies'] as const;

/** Field names used in the text, in order of first use. */
export function fieldsUsed(scan: BodyScan): string[] {
  return [...new Set(scan.components.filter((c) => c.name === 'Field').map((c) => c.attributes['name'] ?? ''))];
}

/** Checks that every `<Field name>` and `<Signature party>` in the text is declared in the frontmatter. */
export function checkAgreement(agreement: AgreementFile, scan: BodyScan): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const declared = new Set(agreement.data.fields.map((f) => f.name));
  const parties = new Set(agreement.data.parties.map((p) => p.id));
  agreement.data.parties.forEach((party, i) => {
    if (party.nameField !== undefined && !declared.has(party.nameField)) {
      issues.push({
        file: agreement.file,
        field: `parties.${i}.nameField`,
        message: `Party "${party.id}" takes its name from the field "${party.nameField}", which is not declared, expected one of: ${[...declared].join(', ') || 'none'}.`,
        ruleId: 'agreement-name-field-undeclared',
      });
    }
  });
  for (const use of scan.components) {
    const line = agreement.bodyLine + use.line - 1;
    if (use.name === 'Field') {
      const name = use.attributes['name'] ?? '';
      if (!declared.has(name)) {
        issues.push({
          file: agreement.file,
          field: 'fields',
          line,
          message: `The text uses <Field name="${name}" /> but no field "${name}" is declared, expected it under fields: (declared: ${[...declared].join(', ') || 'none'}).`,
          ruleId: 'agreement-field-undeclared',
        });
      }
    } else if (use.name === 'Signature') {
      const party = use.attributes['party'] ?? '';
      if (!parties.has(party)) {
        issues.push({
          file: agreement.file,
          field: 'parties',
          line,
          message: `The text has <Signature party="${party}" /> but no party "${party}" is declared, expected one of: ${[...parties].join(', ')}.`,
          ruleId: 'agreement-party-undeclared',
        });
      }
    }
  }
  return issues;
}
