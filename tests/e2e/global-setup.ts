/**
 * Builds the sample handbook once (fixed today, under /handbook/) and serves it with nginx
 * on a free localhost port, the way a firm would host it. nginx is installed when missing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../../scripts/local-site.ts';

export const E2E_TODAY = '2026-11-15';
export const E2E_BASE = '/handbook/';
const ROOT = resolve(import.meta.dirname, '../..');
// E2E_WORKDIR lets two runs (or two people) build and serve side by side.
const WORK = resolve(ROOT, process.env['E2E_WORKDIR'] ?? '.e2e');

/**
 * The served copy lives outside the checkout: nginx's worker runs as an unprivileged user and
 * cannot read a checkout in a private folder (a `mktemp -d` folder or /root is mode 0700).
 * One folder per work folder (named by a hash of its path, so worktrees and later runs agree on
 * it without passing anything around), mode 0755, in the OS temp folder.
 */
const SERVED = join(tmpdir(), `policy-handbook-e2e-${createHash('sha256').update(WORK).digest('hex').slice(0, 12)}`);
export const SITE_DIR = join(SERVED, 'site');

/**
 * Makes the served folder, refusing one that is not ours (the temp folder is shared: another
 * user could have put a folder or a link there first), and opens it to nginx's worker.
 */
function servedFolder(): void {
  mkdirSync(SERVED, { recursive: true, mode: 0o755 });
  const stat = lstatSync(SERVED);
  if (!stat.isDirectory() || stat.isSymbolicLink() || (process.getuid && stat.uid !== process.getuid())) {
    throw new Error(`${SERVED} is not a folder of this user: remove it and run the tests again.`);
  }
  chmodSync(SERVED, 0o755);
}

/** Lets every user read the built site (whatever the umask), as a web server's worker must. */
function openToReaders(dir: string): void {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) openToReaders(path);
    else if (entry.isFile()) chmodSync(path, 0o644);
  }
}

function nginxBinary(): string {
  for (const candidate of ['/usr/sbin/nginx', '/usr/bin/nginx']) if (existsSync(candidate)) return candidate;
  // Debian's package, as the README says; we run as root in CI.
  console.log('nginx is missing: installing Debian\'s package (apt-get install -y nginx-light or nginx)…');
  spawnSync('apt-get', ['update'], { stdio: 'inherit' });
  const installed = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'nginx'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (installed.status !== 0 || !existsSync('/usr/sbin/nginx')) throw new Error('nginx is not installed and apt-get could not install it.');
  return '/usr/sbin/nginx';
}

/** The production build of the sample (`npm run build`: scripts/build-site.ts) into `outDir`, under `base`. */
export function buildSite(outDir: string, base: string): void {
  execFileSync('npm', ['exec', '--', 'node', 'scripts/build-site.ts', outDir], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, HANDBOOK_TODAY: E2E_TODAY, HANDBOOK_BASE: base, HANDBOOK_CONTENT: join(ROOT, 'content') },
  });
}

function build(): void {
  servedFolder();
  if (process.env['E2E_SKIP_BUILD'] && existsSync(join(SITE_DIR, 'index.html'))) return;
  rmSync(SITE_DIR, { recursive: true, force: true });
  buildSite(SITE_DIR, E2E_BASE);
  openToReaders(SITE_DIR);
}

export default async function globalSetup(): Promise<() => void> {
  build();
  const nginx = nginxBinary();
  const port = await freePort();
  mkdirSync(join(WORK, 'nginx'), { recursive: true });
  const conf = join(WORK, 'nginx', 'nginx.conf');
  const prefix = join(WORK, 'nginx');
  writeFileSync(
    conf,
    `daemon on;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
worker_processes 1;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  # Debian's mime.types has no CSV; the feed is served as text/xml, which readers accept.
  types { text/csv csv; }
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  server {
    listen 127.0.0.1:${port};
    location = / { return 302 ${E2E_BASE}; }
    location ${E2E_BASE} {
      alias ${SITE_DIR}/;
      index index.html;
      try_files $uri $uri/ =404;
      error_page 404 ${E2E_BASE}404.html;
    }
  }
}
`,
  );
  execFileSync(nginx, ['-c', conf, '-p', prefix]);
  process.env['E2E_ORIGIN'] = `http://127.0.0.1:${port}`;
  process.env['E2E_BASE_URL'] = `http://127.0.0.1:${port}${E2E_BASE}`;
  return () => {
    const pid = Number(readFileSync(join(prefix, 'nginx.pid'), 'utf8'));
    if (pid) process.kill(pid, 'SIGQUIT');
  };
}
