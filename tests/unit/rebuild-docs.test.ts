/**
 * The README's daily rebuild (cron, systemd timer, CI schedule) documents one command, and that
 * command works: the test runs it, as written there, on a small handbook.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const readme = readFileSync('README.md', 'utf8');
const section = readme.slice(readme.indexOf('## Keeping the site current'), readme.indexOf('\n## ', readme.indexOf('## Keeping the site current') + 1));
const block = (lang: string) => {
  const match = new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(section);
  if (!match) throw new Error(`README "Keeping the site current" has no \`\`\`${lang} block`);
  return match[1]!;
};

const cronLine = block('cron').trim().split('\n').find((l) => !l.startsWith('#'))!;
const [, schedule, cronCommand] = /^((?:\S+\s+){4}\S+)\s+(.*)$/.exec(cronLine)!;
/** The cron line's work, without moving into the checkout: "npm run build && rsync …". */
const work = cronCommand!.replace(/^cd \S+ && /, '');
/** The build itself: the part before the copy. */
const build = work.split(' && ')[0]!;

describe('the documented daily rebuild', () => {
  it('cron, the systemd service and the CI schedule run the same command at the same time', () => {
    expect(build).toBe('npm run build');
    const ini = block('ini');
    expect(ini).toContain(`ExecStart=/bin/sh -c '${work}'`);
    expect(ini).toContain('OnCalendar=*-*-* 00:15');
    expect(schedule).toBe('15 0 * * *');
    const yaml = block('yaml');
    expect(yaml).toContain(`- cron: '${schedule}'`);
    expect(yaml).toContain(`- run: ${build}`);
    expect(JSON.parse(readFileSync('package.json', 'utf8')).scripts.build).toBeTypeOf('string');
  });

  it('the command builds a handbook with its search index', () => {
    const result = spawnSync('sh', ['-c', build], {
      encoding: 'utf8',
      env: { ...process.env, HANDBOOK_CONTENT: 'tests/fixtures/minimal/content', HANDBOOK_TODAY: '2026-11-15' },
    });
    expect(result.status, result.stderr).toBe(0);
    expect(existsSync(join('dist', 'policies', 'intake', 'index.html'))).toBe(true);
    expect(existsSync(join('dist', 'pagefind', 'pagefind.js'))).toBe(true);
    expect(readFileSync(join('dist', 'index.html'), 'utf8')).toContain('data-built="2026-11-15"');
  }, 300_000);
});

