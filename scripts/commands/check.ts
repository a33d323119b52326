import { contentDir, today } from '../../src/lib/env.ts';
import { formatIssues } from '../../src/lib/issues.ts';
import { loadHandbook } from '../../src/lib/model.ts';
import type { Command } from './shared.ts';

export const check: Command = {
  name: 'check',
  usage: 'check',
  summary: 'Validate all content and internal links without building; exit 1 on problems.',
  async run() {
    const dir = contentDir();
    const { handbook, issues } = loadHandbook(dir, today());
    if (!handbook) {
      console.error(formatIssues(issues));
      return 1;
    }
    const versions = handbook.policies.reduce((n, p) => n + p.versions.length, 0);
    console.log(`Content is valid: ${handbook.policies.length} policies (${versions} published versions), ${handbook.agreements.length} agreements in ${dir}.`);
    return 0;
  },
};
