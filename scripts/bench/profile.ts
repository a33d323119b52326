/**
 * A short summary of V8 CPU profiles (`.cpuprofile`, written by `node --cpu-prof`): where the
 * build's time went, as self time grouped by package and by function, with garbage collection
 * on its own line. Every Node process of a build writes one profile; the summary adds them up.
 *
 * A profile is a call tree (`nodes`, each with a `callFrame` and child ids) and a list of
 * samples (`samples`: the node on top of the stack; `timeDeltas`: microseconds since the sample
 * before). A sample's self time is its time delta.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

export interface CpuProfile {
  nodes: { id: number; callFrame: CallFrame; hitCount?: number }[];
  samples?: number[];
  timeDeltas?: number[];
}

export interface ProfileCost {
  name: string;
  /** The package (or group) of a function; the same as `name` for a group. */
  group: string;
  selfMs: number;
  /** Share of all sampled time except idle, 0–1. */
  share: number;
}

export interface ProfileSummary {
  profiles: number;
  /** Sampled time of all processes, idle excluded. */
  sampledMs: number;
  garbageCollectionMs: number;
  /** The five largest groups: packages, Node's own code, V8 built-ins, garbage collection. */
  topGroups: ProfileCost[];
  /** The five functions with the most self time. */
  topFunctions: ProfileCost[];
}

export const GC = 'garbage collection';

/**
 * The group a function belongs to: the package under the last `node_modules/` of its file, Node's
 * own modules, the project's files by top folder (`project src/`) or, once Astro has bundled
 * them, by chunk (`build chunk jsx-runtime`), or V8's pseudo-frames.
 *
 * @returns the group, or undefined for idle time (the process waited, it did not compute)
 */
export function groupOf(frame: CallFrame): string | undefined {
  const { functionName, url } = frame;
  if (functionName === '(idle)' || functionName === '(root)') return undefined;
  if (functionName === '(garbage collector)') return GC;
  if (functionName === '(program)') return 'V8 and native code (program)';
  if (!url) return 'V8 built-ins';
  if (url.startsWith('node:')) return 'Node.js core';
  const path = decodeURIComponent(url.replace(/^file:\/\//, ''));
  const at = path.lastIndexOf('/node_modules/');
  if (at !== -1) {
    const [first, second] = path.slice(at + '/node_modules/'.length).split('/');
    return first?.startsWith('@') ? `${first}/${second}` : (first ?? path);
  }
  // Astro's build bundles src/ into chunks named after a module, with a hash: `jsx-runtime_vyJTft7A.mjs`.
  const chunk = /\/\.prerender\/(?:chunks\/)?([^/]+?)(?:[_.][\w-]{8})?\.mjs$/.exec(path);
  if (chunk) return `build chunk ${chunk[1]}`;
  const project = /\/(src|scripts|dist|\.astro)\//.exec(path);
  return project ? `project ${project[1]}/` : path;
}

function top(costs: Map<string, { group: string; us: number }>, totalUs: number, count: number): ProfileCost[] {
  return [...costs.entries()]
    .sort((a, b) => b[1].us - a[1].us)
    .slice(0, count)
    .map(([name, { group, us }]) => ({ name, group, selfMs: Math.round(us / 1000), share: Math.round((us / totalUs) * 1000) / 1000 }));
}

/** Adds up the self time of every sample in `profiles`. */
export function summarizeProfiles(profiles: readonly CpuProfile[], count = 5): ProfileSummary {
  const groups = new Map<string, { group: string; us: number }>();
  const functions = new Map<string, { group: string; us: number }>();
  let totalUs = 0;
  for (const profile of profiles) {
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const samples = profile.samples ?? [];
    const deltas = profile.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      const node = byId.get(samples[i]!);
      const us = Math.max(0, deltas[i] ?? 0);
      if (!node || us === 0) continue;
      const group = groupOf(node.callFrame);
      if (group === undefined) continue;
      totalUs += us;
      const g = groups.get(group) ?? { group, us: 0 };
      g.us += us;
      groups.set(group, g);
      const { functionName, url, lineNumber } = node.callFrame;
      const where = url ? ` ${url.split('/').pop()}:${lineNumber + 1}` : '';
      const name = `${functionName || '(anonymous)'}${where}`;
      const f = functions.get(name) ?? { group, us: 0 };
      f.us += us;
      functions.set(name, f);
    }
  }
  return {
    profiles: profiles.length,
    sampledMs: Math.round(totalUs / 1000),
    garbageCollectionMs: Math.round((groups.get(GC)?.us ?? 0) / 1000),
    topGroups: totalUs ? top(groups, totalUs, count) : [],
    topFunctions: totalUs ? top(functions, totalUs, count) : [],
  };
}

/** Reads the `.cpuprofile` files in `dir` except those in `before` (written by an earlier run). */
export function readProfiles(dir: string, before: ReadonlySet<string> = new Set()): CpuProfile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.cpuprofile') && !before.has(name))
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as CpuProfile);
}
