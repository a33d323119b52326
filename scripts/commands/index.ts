import { check } from './check.ts';
import { diff } from './diff.ts';
import { publish, retire } from './lifecycle.ts';
import { pdf } from './pdf.ts';
import { review } from './review.ts';
import { newPolicy, newVersion } from './scaffold.ts';
import { status } from './status.ts';
import type { Command } from './shared.ts';

export const commands: Command[] = [check, newPolicy, newVersion, diff, publish, retire, review, status, pdf];
