import { contentDir } from '../../src/lib/env.ts';
import { loadOrReport, type Command } from './shared.ts';

export const check: Command = {
  async run() {
    const handbook = loadOrReport();
    if (!handbook) return 1;
    const versions = handbook.policies.reduce((n, p) => n + p.versions.length, 0);
    console.log(`Content is valid: ${handbook.policies.length} policies (${versions} published versions), ${handbook.agreements.length} agreements in ${contentDir()}.`);
    return 0;
  },
};
