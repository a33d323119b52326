#!/usr/bin/env node
/**
 * The `handbook` command of the installed package. Plain JavaScript, so that whatever Node starts
 * it (the machine's may be 20, and Astro 7 needs 22.12 or later) can run it: on an older Node it
 * hands over to the Node 22 binary that comes with the package (the `node` dependency), passing the
 * arguments, the terminal and the exit code through.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The compiled CLI in a packed package (Node refuses to strip types under node_modules);
// the TypeScript source in the repository, before `npm pack`.
const compiled = join(root, 'cli', 'handbook.js');
const entry = existsSync(compiled) ? compiled : join(root, 'scripts', 'handbook.ts');

const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
const recent = major > 22 || (major === 22 && minor >= 12);

// V8 keeps the code it compiled in the OS temp folder (Node 22.1 and later), so every start after
// the first skips compiling the CLI's libraries: most of what `check` costs.
const COMPILE_CACHE = join(tmpdir(), 'node-compile-cache');

if (recent && entry === compiled) {
  module.enableCompileCache?.(COMPILE_CACHE);
  await import(pathToFileURL(entry).href);
} else {
  let node;
  try {
    node = join(dirname(createRequire(import.meta.url).resolve('node/package.json')), 'bin', 'node');
  } catch {
    node = undefined;
  }
  if (!node || !existsSync(node)) {
    console.error(`handbook needs Node 22.12 or later; this is Node ${process.versions.node}, and the Node 22 that comes with the package is missing. Reinstall the package (npm install) with install scripts allowed for "node".`);
    process.exit(1);
  }
  const child = spawn(node, [entry, ...process.argv.slice(2)], {
    stdio: 'inherit',
    // Whatever the CLI starts with `node` runs on the same Node 22.
    env: { NODE_COMPILE_CACHE: COMPILE_CACHE, ...process.env, PATH: `${dirname(node)}${process.platform === 'win32' ? ';' : ':'}${process.env.PATH ?? ''}` },
  });
  // Ctrl-C reaches both processes (one terminal process group): let the CLI decide, then follow it.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    if (signal) {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    }
    else process.exit(code ?? 1);
  });
}
