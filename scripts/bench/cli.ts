/**
 * Times the CLI: `handbook --help`, what every command pays before it does anything (Node's
 * start-up and loading the CLI), two ways in: `node scripts/handbook.ts --help` with the Node that
 * runs the benchmark (22), and the package's `bin/handbook.js`, the `handbook` command itself;
 * `check` on the sample content (content/); and `diff` across a policy with 60 versions.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEEP_SLUG, generateHandbook } from './generate.ts';

export interface CommandTiming {
  command: string;
  runs: number;
  /** The first run (compile cache possibly cold). */
  firstWallMs: number;
  medianWallMs: number;
  /** User + system CPU of the median run by wall time, from /usr/bin/time; null without it. */
  medianCpuMs: number | null;
}

export interface CliTiming {
  /** `node scripts/handbook.ts --help`: the budget figure. */
  script: CommandTiming;
  /** `node bin/handbook.js --help`. */
  bin: CommandTiming;
  /** `node scripts/handbook.ts check` on the sample content. */
  checkSample: CommandTiming;
  /** `node scripts/handbook.ts diff <slug> <first> <last>` on a generated policy with 60 versions. */
  diff60: CommandTiming & { versions: number };
}

const TIME = '/usr/bin/time';

function timeCommand(repo: string, args: string[], runs: number, expected: RegExp, env: NodeJS.ProcessEnv = {}): CommandTiming {
  const report = join(tmpdir(), `bench-time-${process.pid}.txt`);
  const samples: { wall: number; cpu: number | null }[] = [];
  const useTime = existsSync(TIME);
  for (let i = 0; i < runs; i++) {
    const command = useTime ? [TIME, '-f', '%U %S', '-o', report, process.execPath, ...args] : [process.execPath, ...args];
    const started = performance.now();
    const run = spawnSync(command[0]!, command.slice(1), { cwd: repo, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
    const wall = performance.now() - started;
    if (run.status !== 0 || !expected.test(run.stdout)) throw new Error(`${args.join(' ')} exited ${run.status}:\n${run.stdout}${run.stderr}`);
    let cpu: number | null = null;
    if (useTime) {
      const [user, system] = readFileSync(report, 'utf8').trim().split(/\s+/).slice(-2).map(Number);
      cpu = Math.round(((user ?? 0) + (system ?? 0)) * 1000);
    }
    samples.push({ wall: Math.round(wall), cpu });
  }
  rmSync(report, { force: true });
  const sorted = [...samples].sort((a, b) => a.wall - b.wall);
  const middle = sorted[Math.floor(sorted.length / 2)]!;
  return { command: `node ${args.join(' ')}`, runs, firstWallMs: samples[0]!.wall, medianWallMs: middle.wall, medianCpuMs: middle.cpu };
}

/**
 * Times `--help` both ways `runs` times, `check` on the sample and `diff` on 60 versions 3 times each.
 *
 * @param today the fixed today of the generated policy's dates
 */
export async function timeCli(repo: string, today: string, runs = 5): Promise<CliTiming> {
  const script = timeCommand(repo, ['scripts/handbook.ts', '--help'], runs, /Usage/);
  const bin = timeCommand(repo, ['bin/handbook.js', '--help'], runs, /Usage/);
  // The sample as the repository has it, whatever HANDBOOK_CONTENT the caller's shell has.
  const checkSample = timeCommand(repo, ['scripts/handbook.ts', 'check'], 3, /./, { HANDBOOK_CONTENT: join(repo, 'content'), HANDBOOK_TODAY: today });
  const dir = mkdtempSync(join(tmpdir(), 'bench-diff-'));
  try {
    generateHandbook(dir, { policies: 1, versions: 1, deep: 60, seed: 1, today });
    const { loadHandbook } = await import('../../src/lib/model.ts');
    const versions = loadHandbook(dir, today).handbook!.bySlug.get(DEEP_SLUG)!.versions.map((v) => v.version);
    const diff = timeCommand(repo, ['scripts/handbook.ts', 'diff', DEEP_SLUG, versions[0]!, versions.at(-1)!], 3, /./, { HANDBOOK_CONTENT: dir, HANDBOOK_TODAY: today });
    return { script, bin, checkSample, diff60: { ...diff, versions: versions.length } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
