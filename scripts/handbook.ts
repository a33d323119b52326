/**
 * The editors' CLI: `npm run handbook -- <command>`.
 *
 * Each command lives in scripts/commands/ and uses src/lib for every rule.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { EnvError } from '../src/lib/env.ts';
import { inert } from '../src/lib/escape.ts';
import { commands } from './commands/index.ts';
import { UsageError } from './commands/shared.ts';

const USAGE = `Usage: npm run handbook -- <command> [options]

Commands:
${commands.map((c) => `  ${c.usage.padEnd(58)} ${c.summary}`).join('\n')}

Environment: HANDBOOK_CONTENT=<dir> (content folder), HANDBOOK_TODAY=YYYY-MM-DD (fix "today").`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(USAGE);
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    console.error(`Unknown command "${inert(name)}".\n\n${USAGE}`);
    return 2;
  }
  try {
    const { values, positionals } = parseArgs({ args: rest, options: command.options ?? {}, allowPositionals: true, strict: true } satisfies ParseArgsConfig);
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
      console.error(`${inert(error.message)}\nUsage: npm run handbook -- ${command.usage}`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
