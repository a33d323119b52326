/**
 * The installable package, as a firm uses it: `npm pack` this repository, install the tarball into
 * an empty `mktemp -d` project that holds only another firm's content and a package.json, run
 * `npx handbook build` there with the machine's own Node and npm, serve the result, and check every
 * page answers, the firm's name, logo and date style show, and nothing of the engine was written
 * into the project. About 1–2 minutes: npm installs from its local cache (the registry only for
 * what the cache lacks).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSite, type LocalSite } from '../../scripts/local-site.ts';
import { builtFiles, referencesIn } from '../e2e/crawl-helpers.ts';

const FIXTURE = resolve('tests/fixtures/okafor-lindqvist/content');
const BASE = '/standards/';
const MINUTES = 60_000;

/**
 * The machine's environment as a firm's terminal has it: only the usual variables (Vitest adds
 * BASE_URL, MODE and NODE_ENV, which Astro would read), and none of this repository's
 * node_modules/.bin (its Node 22) on PATH.
 */
function firmEnv(): NodeJS.ProcessEnv {
  const keep = /^(HOME|USER|LOGNAME|SHELL|LANG|LC_[A-Z]+|TMPDIR|TERM|CHROMIUM_PATH|(https?|no)_proxy|(HTTPS?|NO)_PROXY)$/;
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => keep.test(key)));
  env['PATH'] = (process.env['PATH'] ?? '').split(delimiter).filter((dir) => !dir.includes('node_modules')).join(delimiter);
  env['HANDBOOK_TODAY'] = '2026-11-15';
  env['NO_COLOR'] = '1';
  return env;
}

/** Every file of the project outside node_modules/, relative, sorted. */
function projectFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .filter((path) => !path.startsWith('node_modules/'))
    .sort();
}

describe('the packed package in a firm project', () => {
  const env = firmEnv();
  let project: string;
  let packs: string;
  let before: string[];
  let site: LocalSite;
  const build = { code: -1 as number | null, out: '' };
  const fetched = new Map<string, { status: number; body: Buffer; type: string }>();

  async function get(path: string) {
    const known = fetched.get(path);
    if (known) return known;
    const response = await fetch(`${site.origin}${path}`, { redirect: 'manual' });
    const result = { status: response.status, body: Buffer.from(await response.arrayBuffer()), type: response.headers.get('content-type') ?? '' };
    fetched.set(path, result);
    return result;
  }

  beforeAll(async () => {
    project = execFileSync('mktemp', ['-d'], { encoding: 'utf8' }).trim();
    packs = execFileSync('mktemp', ['-d'], { encoding: 'utf8' }).trim();
    // `npm pack` compiles the CLI first (prepack), as it does for a release.
    execFileSync('npm', ['pack', '--pack-destination', packs, '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
    const tarball = join(packs, readdirSync(packs).find((f) => f.endsWith('.tgz'))!);
    cpSync(FIXTURE, join(project, 'content'), { recursive: true });
    writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'okafor-standards', private: true, devDependencies: { 'policy-handbook': `file:${tarball}` }, allowScripts: { node: true, esbuild: true } }, null, 2)}\n`);
    const install = spawnSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: project, env, encoding: 'utf8' });
    if (install.status !== 0) throw new Error(`npm install failed:\n${install.stdout}\n${install.stderr}`);
    before = projectFiles(project);
    const run = spawnSync('npx', ['handbook', 'build'], { cwd: project, env, encoding: 'utf8' });
    build.code = run.status;
    build.out = `${run.stdout}\n${run.stderr}`;
    if (existsSync(join(project, 'dist', 'index.html'))) site = await serveSite(join(project, 'dist'), BASE);
  }, 8 * MINUTES);

  afterAll(async () => {
    await site?.close();
    for (const dir of [project, packs]) if (dir) rmSync(dir, { recursive: true, force: true });
  }, 2 * MINUTES);

  it('builds dist/ in the project with the search index', () => {
    expect(build.out).not.toMatch(/error/i);
    expect(build.code).toBe(0);
    expect(existsSync(join(project, 'dist', 'pagefind', 'pagefind.js'))).toBe(true);
  });

  it('writes nothing of the engine into the project: only dist/ is new', () => {
    const after = projectFiles(project);
    expect(after.filter((f) => !f.startsWith('dist/'))).toEqual(before);
    expect(before).toEqual(['content/brand/okafor-lindqvist.svg', 'content/handbook.yaml', 'content/policies/document-retention/1.0.md', 'content/policies/matter-opening/1.0.md', 'content/policies/matter-opening/1.1.md', 'package-lock.json', 'package.json']);
  });

  it('answers every page and every address the pages link to, under the base path', async () => {
    // Breadth-first from the home page, over every same-site address in every page.
    const queue = [BASE];
    const seen = new Set(queue);
    for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
      const { status, body, type } = await get(path);
      expect(status, path).toBe(200);
      if (!type.startsWith('text/html')) continue;
      for (const { value } of referencesIn(body.toString('utf8'))) {
        const target = new URL(value, `http://x${path}`);
        if (target.host !== 'x' || !target.pathname.startsWith(BASE) || seen.has(target.pathname)) continue;
        seen.add(target.pathname);
        queue.push(target.pathname);
      }
    }
    // The fixture's pages, by hand: two policies (one with two versions) and the site's own pages.
    for (const page of ['', 'policies/matter-opening/', 'policies/matter-opening/1.0/', 'policies/matter-opening/1.1/', 'policies/matter-opening/history/', 'policies/matter-opening/compare/1.0/1.1/', 'policies/document-retention/', 'policies/document-retention/1.0/', 'changes/', 'reviews/', 'agreements/', 'print/', 'search/', 'feed.xml']) {
      expect([...seen], page).toContain(`${BASE}${page}`);
    }
    // And every page in the output answers, linked or not (404.html answers with its own status).
    const pages = builtFiles(join(project, 'dist')).filter((f) => f.endsWith('.html') && f !== '404.html');
    for (const file of pages) expect((await get(`${BASE}${file.replace(/index\.html$/, '')}`)).status, file).toBe(200);
  });

  it("shows the firm's name, logo, language, US dates, footer and edit link", async () => {
    const home = (await get(BASE)).body.toString('utf8');
    expect(home).toContain('<html lang="en-US"');
    expect(home).toContain('<span class="site-firm">Okafor Lindqvist PC</span>');
    expect(home).toContain('Attorney work product. Not for distribution outside Okafor Lindqvist PC.');
    expect(home).toContain('<time datetime="2026-11-15">November 15, 2026</time>');
    expect(home).not.toContain('15 November 2026');
    const logo = /<img class="site-logo" src="([^"]+)"/.exec(home)?.[1];
    expect(logo).toMatch(new RegExp(`^${BASE}_astro/okafor-lindqvist\\.[\\w-]+\\.svg$`));
    const served = await get(logo!);
    expect(served.status).toBe(200);
    expect(served.body.equals(readFileSync(join(FIXTURE, 'brand', 'okafor-lindqvist.svg')))).toBe(true);
    const policy = (await get(`${BASE}policies/matter-opening/`)).body.toString('utf8');
    expect(policy).toContain('September 14, 2026');
    expect(policy).toContain('<a href="https://git.okaforlindqvist.example/standards/-/edit/main/content/policies/matter-opening/1.1.md">Edit this page</a>');
    const css = referencesIn(home).filter((r) => r.tag === 'link' && r.value.endsWith('.css'));
    const styles = await Promise.all(css.map(async (r) => (await get(r.value)).body.toString('utf8')));
    expect(styles.join('\n')).toMatch(/--firm-accent:\s*#6b1d3a/);
  });

  it("runs on the machine's own Node through the package's bin, handing over to Node 22", () => {
    const systemNode = spawnSync('node', ['--version'], { env, encoding: 'utf8' }).stdout.trim();
    expect(systemNode).toMatch(/^v\d+/);
    const run = spawnSync('node', [join(project, 'node_modules', '.bin', 'handbook'), 'check'], { cwd: project, env, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(`Content is valid: 2 policies (3 published versions), 0 agreements in ${join(project, 'content')}.\n`);
    expect(run.status).toBe(0);
    const review = spawnSync('node', [join(project, 'node_modules', '.bin', 'handbook'), 'review'], { cwd: project, env, encoding: 'utf8' });
    expect(review.stdout).toContain('Reviews as at November 15, 2026');
  });
});
