/**
 * The editors' CLI: `handbook <command>` where the package is installed (bin/handbook.js starts
 * it on Node 22), `npm run handbook -- <command>` in this repository.
 *
 * Each command lives in scripts/commands/ and uses src/lib for every rule; index.ts loads only
 * the module of the command that runs, so `--help` starts in a fraction of a second.
 */
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { EnvError } from '../src/lib/env.ts';
import { inert } from '../src/lib/escape.ts';
import { CLI, UsageError } from './commands/command.ts';
import { commands } from './commands/index.ts';

const USAGE = `Usage: ${CLI} <command> [options]

Commands:
${commands.map((c) => `  ${c.usage.padEnd(58)} ${c.summary}`).join('\n')}

Every command takes --content DIR: the content folder (default content/ in the working directory).
Environment: HANDBOOK_CONTENT=<dir> (the same), HANDBOOK_TODAY=YYYY-MM-DD (fix "today").`;

/**
 * Takes `--content DIR` (or `--content=DIR`) out of the arguments, wherever it is, and sets
 * HANDBOOK_CONTENT, which every command and the Astro config read through src/lib/env.ts.
 */
function takeContentOption(args: string[]): string[] {
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      rest.push(...args.slice(i));
      break;
    }
    const inline = arg.startsWith('--content=') ? arg.slice('--content='.length) : undefined;
    if (arg !== '--content' && inline === undefined) {
      rest.push(arg);
      continue;
    }
    const dir = inline ?? args[++i];
    if (!dir || dir.startsWith('--')) throw new UsageError('--content takes a folder, e.g. `--content content`.');
    process.env['HANDBOOK_CONTENT'] = resolve(dir);
  }
  return rest;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(USAGE);
    return name ? 0 : 2;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    console.error(`Unknown command "${inert(name)}".\n\n${USAGE}`);
    return 2;
  }
  try {
    const args = takeContentOption(rest);
    const command = await entry.load();
    const { values, positionals } = parseArgs({ args, options: command.options ?? {}, allowPositionals: true, strict: true } satisfies ParseArgsConfig);
    // `--within=` is not "0 days", nor `--chapter=` "no chapter": an empty value is a mistake.
    for (const [option, value] of Object.entries(values)) {
      if (typeof value === 'string' && !value.trim()) throw new UsageError(`--${option} was given an empty value.`);
    }
    return await command.run(positionals, values as Record<string, string | boolean | undefined>);
  } catch (error) {
    // A bad HANDBOOK_TODAY: say which variable and what it should be, not a stack trace.
    if (error instanceof EnvError) {
      console.error(inert(error.message));
      return 2;
    }
    if (error instanceof UsageError || (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      console.error(`${inert(error.message)}\nUsage: ${CLI} ${entry.usage}`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
