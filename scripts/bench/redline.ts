/**
 * Times the redline engine on two long versions (about 5,000 words each), the way the
 * compare pages and `handbook diff` call it. The engine is imported dynamically so the
 * benchmark still runs (and says so) while it does not exist yet.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { countWords, createRng, policyBody, revise, toMarkdown } from './text.ts';

export interface RedlineTiming {
  /** Module the engine was loaded from, relative to the repository; null if none was found. */
  module: string | null;
  wordsOld: number;
  wordsNew: number;
  /** The first call, cold (includes lazy initialisation of the parser). */
  firstMs: number | null;
  /** Median of the following calls. */
  medianMs: number | null;
  runs: number;
  note?: string;
}

type RedlineSources = (oldSource: string, newSource: string, options?: { mdx?: boolean }) => unknown;

/** Where the engine lives or will live; the first that exists and exports redlineSources wins. */
const CANDIDATES = ['src/lib/diff.ts', 'src/lib/diff/index.ts', 'src/lib/diff/redline.ts'];

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

async function loadEngine(): Promise<{ module: string; fn: RedlineSources } | { error: string }> {
  const errors: string[] = [];
  for (const candidate of CANDIDATES) {
    const path = `${ROOT}${candidate}`;
    if (!existsSync(path)) continue;
    try {
      const mod = (await import(pathToFileURL(path).href)) as { redlineSources?: unknown };
      if (typeof mod.redlineSources === 'function') return { module: candidate, fn: mod.redlineSources as RedlineSources };
      errors.push(`${candidate} does not export redlineSources`);
    } catch (error) {
      errors.push(`${candidate} failed to load: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { error: errors.length ? errors.join('; ') : `no redline engine yet (looked for ${CANDIDATES.join(', ')})` };
}

/** Two versions of one ~5,000-word policy, the second revised with proportionally more edits. */
export function longVersions(seed: number): [string, string] {
  const rng = createRng(seed ^ 0x5000);
  const terms = ['client confidentiality', 'legal professional privilege', 'the retention schedule', 'a litigation hold'];
  const before = policyBody(rng, 'client confidentiality', terms, 5_000);
  const after = revise(rng, before, 'client confidentiality', terms, 6, 5_000).blocks;
  return [toMarkdown(before), toMarkdown(after)];
}

/**
 * Redlines two ~5,000-word versions `runs + 1` times.
 *
 * @returns the cold first call and the median of the rest, or nulls and a note when there is no engine
 */
export async function timeRedline(seed: number, runs = 9): Promise<RedlineTiming> {
  const [oldSource, newSource] = longVersions(seed);
  const words = (s: string) => countWords([{ kind: 'p', sentences: [s] }]);
  const base = { wordsOld: words(oldSource), wordsNew: words(newSource), runs };
  const engine = await loadEngine();
  if ('error' in engine) return { module: null, ...base, firstMs: null, medianMs: null, runs: 0, note: engine.error };
  try {
    let started = performance.now();
    engine.fn(oldSource, newSource, { mdx: true });
    const firstMs = performance.now() - started;
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      started = performance.now();
      engine.fn(oldSource, newSource, { mdx: true });
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return { module: engine.module, ...base, firstMs: round(firstMs), medianMs: round(times[Math.floor(times.length / 2)]!) };
  } catch (error) {
    return { module: engine.module, ...base, firstMs: null, medianMs: null, runs: 0, note: `redlineSources threw: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
