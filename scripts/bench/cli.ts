/**
 * Times `handbook --help`: what every command pays before it does anything (Node's start-up and
 * loading the CLI). Two ways in: `node scripts/handbook.ts --help` with the Node that runs the
 * benchmark (22), and the package's `bin/handbook.js`, the `handbook` command itself.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
}

const TIME = '/usr/bin/time';

function timeCommand(repo: string, args: string[], runs: number): CommandTiming {
  const report = join(tmpdir(), `bench-time-${process.pid}.txt`);
  const samples: { wall: number; cpu: number | null }[] = [];
  const useTime = existsSync(TIME);
  for (let i = 0; i < runs; i++) {
    const command = useTime ? [TIME, '-f', '%U %S', '-o', report, process.execPath, ...args] : [process.execPath, ...args];
    const started = performance.now();
    const run = spawnSync(command[0]!, command.slice(1), { cwd: repo, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const wall = performance.now() - started;
    if (run.status !== 0 || !/Usage/i.test(run.stdout)) throw new Error(`${args.join(' ')} exited ${run.status}:\n${run.stdout}${run.stderr}`);
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

/** Runs each way in `runs` times. */
export function timeHelp(repo: string, runs = 5): CliTiming {
  return {
    script: timeCommand(repo, ['scripts/handbook.ts', '--help'], runs),
    bin: timeCommand(repo, ['bin/handbook.js', '--help'], runs),
  };
}
