/**
 * Times the editor's dev server (`astro dev`) on the generated handbook, the way an editor uses
 * it: start it, open a policy, open other policies after a pause, change a version file and
 * reload until the change shows, then open other policies again.
 *
 * The pause matters: a server that re-reads the whole content folder on a request after some
 * idle time answers quickly only to requests in a burst. Each timed request waits `pauseMs` first.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../local-site.ts';

export interface DevTiming {
  /** From spawning `astro dev` to "watching for file changes". */
  readyMs: number | null;
  /** The first page after ready (compiles the page's modules). */
  firstPageMs: number | null;
  /** Other pages, each requested after a pause, before the edit and after it. */
  otherPages: { path: string; ms: number; afterEdit: boolean }[];
  otherPagesMedianMs: number | null;
  otherPagesMaxMs: number | null;
  /** From writing the changed version file to the first response of its page that shows the change. */
  editShownMs: number | null;
  /** Requests of the edited page until the change showed: the first at once, then after 0.1, 0.2, 0.4 … 3.2 s. */
  editRequests: number;
  /** Statuses other than 200 the edited page answered with while the change was not shown yet. */
  editErrors: number[];
  note?: string;
}

export interface DevOptions {
  /** A private project copy (see build.ts prepareProject). */
  root: string;
  contentDir: string;
  today: string;
  /** The page opened first, and edited: `/policies/<slug>/`. */
  editPage: string;
  /** The file that page shows (the policy's current version), relative to the content folder. */
  editFile: string;
  /** Other pages to time, half before the edit and half after. */
  otherPages: readonly string[];
  pauseMs?: number;
  verbose?: boolean;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/** GET `url`, reading the whole body; throws on a status other than 200 unless `anyStatus`. */
async function timedGet(url: string, anyStatus = false): Promise<{ ms: number; body: string; status: number }> {
  const started = performance.now();
  const response = await fetch(url);
  const body = await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200 && !anyStatus) throw new Error(`GET ${url}: status ${response.status}`);
  return { ms: round(ms), body, status: response.status };
}

/** Starts the dev server, times it as described above, and stops it (and everything it started). */
export async function timeDevServer(options: DevOptions): Promise<DevTiming> {
  const result: DevTiming = { readyMs: null, firstPageMs: null, otherPages: [], otherPagesMedianMs: null, otherPagesMaxMs: null, editShownMs: null, editRequests: 0, editErrors: [] };
  const pause = options.pauseMs ?? 2500;
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  // The server an editor starts: without the variables a test runner sets (NODE_ENV=test, and
  // Vite's BASE_URL, MODE, DEV, PROD, SSR), which change what Astro serves (404s, stale pages).
  const env: NodeJS.ProcessEnv = { ...process.env, HANDBOOK_CONTENT: options.contentDir, HANDBOOK_TODAY: options.today, HANDBOOK_BASE: '/', NO_COLOR: '1', FORCE_COLOR: '0', ASTRO_TELEMETRY_DISABLED: '1' };
  for (const name of ['NODE_ENV', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete env[name];
  const started = performance.now();
  const child = spawn(process.execPath, [join(options.root, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: options.root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so stopping it stops Vite's and Astro's children too.
    detached: true,
  });
  let log = '';
  let exited = false;
  const onData = (chunk: Buffer) => {
    log += chunk.toString();
    if (options.verbose) process.stderr.write(chunk);
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const closed = new Promise<void>((done) => child.once('close', () => done()));
  child.once('exit', () => (exited = true));
  const stop = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // Already gone.
    }
  };
  // In its own process group, the server does not get the terminal's Ctrl-C: stop it when the benchmark exits.
  const onExit = () => stop('SIGKILL');
  process.once('exit', onExit);
  const file = join(options.contentDir, options.editFile);
  const original = readFileSync(file, 'utf8');
  try {
    while (!log.includes('watching for file changes')) {
      if (exited) throw new Error(`astro dev exited before it was ready:\n${log.slice(-2000)}`);
      if (performance.now() - started > 300_000) throw new Error('astro dev was not ready after 300 s');
      await sleep(50);
    }
    result.readyMs = Math.round(performance.now() - started);
    result.firstPageMs = (await timedGet(`${origin}${options.editPage}`)).ms;

    const half = Math.ceil(options.otherPages.length / 2);
    const timeOthers = async (pages: readonly string[], afterEdit: boolean) => {
      for (const path of pages) {
        await sleep(pause);
        result.otherPages.push({ path, ms: (await timedGet(`${origin}${path}`)).ms, afterEdit });
      }
    };
    await timeOthers(options.otherPages.slice(0, half), false);

    // The edit: a sentence with a word found nowhere else, at the end of the version's text. Then
    // reload as an editor would, at once and then at growing intervals (0.1, 0.2, 0.4 … 3.2 s):
    // a server that re-reads only after a pause shows the change on the reload after the pause.
    await sleep(pause);
    const marker = `Benchmarkedit${Date.now().toString(36)}`;
    const editStarted = performance.now();
    writeFileSync(file, `${original.trimEnd()}\n\nThis sentence was added by the benchmark: ${marker}.\n`);
    for (let gap = 100; ; gap = Math.min(gap * 2, 3200)) {
      result.editRequests += 1;
      const { body, status } = await timedGet(`${origin}${options.editPage}`, true);
      if (status !== 200) result.editErrors.push(status);
      else if (body.includes(marker)) break;
      if (performance.now() - editStarted > 60_000) throw new Error(`the edit of ${options.editFile} did not show on ${options.editPage} within 60 s`);
      await sleep(gap);
    }
    result.editShownMs = round(performance.now() - editStarted);

    await timeOthers(options.otherPages.slice(half), true);
  } catch (error) {
    // The server's last lines say what went wrong (a 404 after an edit, a content problem).
    const tail = log.trim().split('\n').slice(-12).join('\n');
    result.note = `dev server: ${error instanceof Error ? error.message : String(error)}; its log ends:\n${tail}`;
  } finally {
    writeFileSync(file, original);
    process.off('exit', onExit);
    if (!exited && child.pid) {
      stop('SIGTERM');
      const killer = setTimeout(() => stop('SIGKILL'), 5000);
      await closed;
      clearTimeout(killer);
    }
  }
  const times = result.otherPages.map((p) => p.ms);
  result.otherPagesMedianMs = median(times);
  result.otherPagesMaxMs = times.length ? Math.max(...times) : null;
  return result;
}
