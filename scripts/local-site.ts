/**
 * A built site on this machine: served read-only on a free localhost port, and the Chromium
 * that prints or measures it. Shared by the `pdf` command, the benchmark and the tests.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, relative, resolve, sep } from 'node:path';

/** Debian's Chromium (never a downloaded browser build); CHROMIUM_PATH points elsewhere. */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Root in a container needs --no-sandbox; the rest keep Chromium from calling home. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.xml': 'application/atom+xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The file a request path maps to in the built site: `<base>x/` is `x/index.html`.
 *
 * @returns the absolute path, or `undefined` outside the base or outside the site folder
 */
export function fileForRequest(siteDir: string, base: string, urlPath: string): string | undefined {
  if (!urlPath.startsWith(base)) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(urlPath.slice(base.length));
  } catch {
    return undefined;
  }
  const file = resolve(siteDir, path.endsWith('/') || path === '' ? join(path, 'index.html') : path);
  const inside = relative(resolve(siteDir), file);
  return inside.startsWith('..') || inside.startsWith(sep) || path.includes('\0') ? undefined : file;
}

/** A running local server. */
export interface LocalSite {
  /** `http://127.0.0.1:PORT`, without the base path. */
  origin: string;
  close: () => Promise<void>;
}

/**
 * Serves `siteDir` under `base` with only what every static host does: a file, a folder's
 * index.html, or the site's 404.html with status 404. No rewrites, no redirects.
 */
export function serveSite(siteDir: string, base = '/'): Promise<LocalSite> {
  const notFound = join(siteDir, '404.html');
  const server = createServer((request, response) => {
    const file = fileForRequest(siteDir, base, new URL(request.url ?? '/', 'http://localhost').pathname);
    const found = file !== undefined && existsSync(file) && statSync(file).isFile();
    if (!found && !existsSync(notFound)) return void response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    const served = found ? file : notFound;
    response.writeHead(found ? 200 : 404, { 'Content-Type': TYPES[extname(served)] ?? 'application/octet-stream' });
    createReadStream(served).pipe(response);
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (!address || typeof address === 'string') return fail(new Error('The local server has no port.'));
      done({ origin: `http://127.0.0.1:${address.port}`, close: () => new Promise((closed) => server.close(() => closed())) });
    });
  });
}

/** A port on 127.0.0.1 that nothing listens on now (for a test server). */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}
