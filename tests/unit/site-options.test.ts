import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSiteOptions } from '../../src/lib/site-options.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'site-options-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const withYaml = (text: string) => {
  writeFileSync(join(dir, 'handbook.yaml'), text);
  return readSiteOptions(dir);
};

describe('readSiteOptions', () => {
  it('reads base, url and public from the site block', () => {
    expect(withYaml('firm: X\nsite:\n  base: /handbook/\n  url: https://intranet.example\n  public: true\n')).toEqual({
      base: '/handbook/',
      url: 'https://intranet.example',
      public: true,
    });
  });

  it('is confidential at the root by default: no site block, no file, or a file that does not parse', () => {
    const defaults = { base: '/', public: false };
    expect(withYaml('firm: X\n')).toEqual(defaults);
    expect(withYaml('site:\n  base: [unclosed\n')).toEqual(defaults);
    rmSync(join(dir, 'handbook.yaml'));
    expect(readSiteOptions(dir)).toEqual(defaults);
  });

  it('only `public: true` makes the handbook public', () => {
    for (const value of ['yes', '"true"', '1', 'false']) expect(withYaml(`site:\n  public: ${value}\n`).public).toBe(false);
    expect(withYaml('site:\n  public: true\n').public).toBe(true);
  });

  it('ignores values of the wrong type, leaving them to the content check', () => {
    expect(withYaml('site:\n  base: 5\n  url: [a, b]\n')).toEqual({ base: '/', public: false });
    expect(withYaml('site: /handbook/\n')).toEqual({ base: '/', public: false });
  });

  it('reads the sample handbook: root base, not public', () => {
    expect(readSiteOptions(join(import.meta.dirname, '../../content'))).toMatchObject({ base: '/', public: false });
  });
});
