import { check } from './check.ts';
import type { Command } from './shared.ts';

export const commands: Command[] = [check];
