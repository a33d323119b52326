import { contentDir, today } from '../../src/lib/env.ts';
import { inert } from '../../src/lib/escape.ts';
import { formatIssues } from '../../src/lib/issues.ts';
import { loadHandbook } from '../../src/lib/model.ts';
import { UsageError, type Command } from './shared.ts';

export const check: Command = {
  options: { strict: { type: 'boolean' } },
  async run(positionals, values) {
    if (positionals.length) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
    const strict = values['strict'] === true;
    const { handbook, issues, warnings } = loadHandbook(contentDir(), today());
    // Warnings: drafts' problems (the build leaves drafts out) and references to withdrawn policies.
    const warned = warnings.length ? `${formatIssues(warnings, 'warning')}${strict ? ' With --strict, warnings fail the check.' : ' `check --strict` fails on them.'}` : '';
    if (!handbook) {
      console.error([formatIssues(issues), warned].filter(Boolean).join('\n\n'));
      return 1;
    }
    if (strict && warned) {
      console.error(warned);
      return 1;
    }
    const versions = handbook.policies.reduce((n, p) => n + p.versions.length, 0);
    const withdrawn = handbook.withdrawn.length ? `, ${handbook.withdrawn.length} withdrawn` : '';
    const drafts = handbook.drafts.length ? `, ${handbook.drafts.length} draft ${handbook.drafts.length === 1 ? 'version' : 'versions'}` : '';
    console.log(inert(`Content is valid: ${handbook.policies.length} policies (${versions} published versions)${withdrawn}${drafts}, ${handbook.agreements.length} agreements in ${contentDir()}.`));
    if (warned) console.error(warned);
    return 0;
  },
};
