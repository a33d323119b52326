/**
 * Builds the sample handbook once (fixed today, under /handbook/) and serves it with nginx
 * on a free localhost port, the way a firm would host it. nginx is installed when missing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

export const E2E_TODAY = '2026-11-15';
export const E2E_BASE = '/handbook/';
const ROOT = resolve(import.meta.dirname, '../..');
// E2E_WORKDIR lets two runs (or two people) build and serve side by side.
const WORK = resolve(ROOT, process.env['E2E_WORKDIR'] ?? '.e2e');
export const SITE_DIR = join(WORK, 'site');

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
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

/** The production build of the sample (`npm run build`'s two steps) into `outDir`, under `base`. */
export function buildSite(outDir: string, base: string): void {
  const options = {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'] as ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, HANDBOOK_TODAY: E2E_TODAY, HANDBOOK_BASE: base, HANDBOOK_CONTENT: join(ROOT, 'content') },
  };
  execFileSync('npx', ['astro', 'build', '--outDir', outDir], options);
  execFileSync('npm', ['exec', '--', 'node', 'scripts/search-index.ts', outDir], options);
}

function build(): void {
  if (process.env['E2E_SKIP_BUILD'] && existsSync(join(SITE_DIR, 'index.html'))) return;
  rmSync(SITE_DIR, { recursive: true, force: true });
  buildSite(SITE_DIR, E2E_BASE);
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
