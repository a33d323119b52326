import { contentDir } from '../../src/lib/env.ts';
import { inert } from '../../src/lib/escape.ts';
import { loadOrReport, UsageError, type Command } from './shared.ts';

export const check: Command = {
  name: 'check',
  usage: 'check',
  summary: 'Validate all content and internal links without building; exit 1 on problems.',
  async run(positionals) {
    if (positionals.length) throw new UsageError(`Unexpected argument "${positionals[0]}": check takes none (set HANDBOOK_CONTENT=<dir> to check another folder).`);
    const handbook = loadOrReport();
    if (!handbook) return 1;
    const versions = handbook.policies.reduce((n, p) => n + p.versions.length, 0);
    console.log(inert(`Content is valid: ${handbook.policies.length} policies (${versions} published versions), ${handbook.agreements.length} agreements in ${contentDir()}.`));
    return 0;
  },
};
