import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { basePath, contentDir, EnvError, normaliseBase, siteUrl, today } from '../../src/lib/env.ts';
import { localToday } from '../../src/lib/dates.ts';

describe('normaliseBase', () => {
  it.each([
    ['/', '/'],
    ['', '/'],
    ['///', '/'],
    ['handbook', '/handbook/'],
    ['/handbook', '/handbook/'],
    ['handbook/', '/handbook/'],
    ['//handbook//', '/handbook/'],
    [' /intranet/handbook ', '/intranet/handbook/'],
  ])('%j → %j', (input, expected) => {
    expect(normaliseBase(input)).toBe(expected);
  });
});

describe('basePath: HANDBOOK_BASE over handbook.yaml', () => {
  it('takes handbook.yaml when the variable is unset or empty', () => {
    expect(basePath('/handbook', {})).toBe('/handbook/');
    expect(basePath('handbook/', { HANDBOOK_BASE: '' })).toBe('/handbook/');
  });

  it('lets the variable win', () => {
    expect(basePath('/handbook/', { HANDBOOK_BASE: '/' })).toBe('/');
    expect(basePath('/', { HANDBOOK_BASE: 'policies' })).toBe('/policies/');
  });

  it('is the root when neither says', () => {
    expect(basePath('', {})).toBe('/');
  });
});

describe('siteUrl: HANDBOOK_SITE over handbook.yaml', () => {
  it('lets the variable win, falls back to the file, and may be absent', () => {
    expect(siteUrl('https://intranet.example', { HANDBOOK_SITE: 'https://handbook.example' })).toBe('https://handbook.example');
    expect(siteUrl('https://intranet.example', {})).toBe('https://intranet.example');
    expect(siteUrl(undefined, {})).toBeUndefined();
  });
});

describe('today', () => {
  it('takes HANDBOOK_TODAY when set', () => {
    expect(today({ HANDBOOK_TODAY: '2026-11-15' })).toBe('2026-11-15');
  });

  it.each(['2026-02-30', '15/11/2026', 'tomorrow'])('rejects HANDBOOK_TODAY=%s, naming the variable and the format', (value) => {
    expect(() => today({ HANDBOOK_TODAY: value })).toThrow(EnvError);
    expect(() => today({ HANDBOOK_TODAY: value })).toThrow(/HANDBOOK_TODAY is ".*", expected a calendar date written YYYY-MM-DD/);
  });

  it("is the machine's date otherwise", () => {
    expect(today({})).toBe(localToday());
  });
});

describe('contentDir', () => {
  it('is content/ in the working directory by default', () => {
    expect(contentDir({})).toBe(resolve('content'));
  });

  it('resolves HANDBOOK_CONTENT against the working directory', () => {
    expect(contentDir({ HANDBOOK_CONTENT: '../firm/handbook' })).toBe(resolve('../firm/handbook'));
    expect(contentDir({ HANDBOOK_CONTENT: '/srv/handbook' })).toBe('/srv/handbook');
  });
});

describe('base path and site address are validated, naming the variable', () => {
  it.each(['/\\evil.example/', '\\\\evil.example', '/../x/', '/a/./b/', '/a b/', '/a?b/', '/a#b/', '/%2e%2e/', '/.well-known/..'])('HANDBOOK_BASE=%j is refused', (value) => {
    expect(() => basePath('/', { HANDBOOK_BASE: value })).toThrow(EnvError);
    expect(() => basePath('/', { HANDBOOK_BASE: value })).toThrow(/^HANDBOOK_BASE is ".*", expected a path of plain segments/);
  });
  it.each(['/', '/handbook/', 'intranet/policies', '/v1.2/', '/~firm/hand_book-2/'])('HANDBOOK_BASE=%j is accepted', (value) => {
    expect(() => basePath('/', { HANDBOOK_BASE: value })).not.toThrow();
  });
  it('falls back to the root for a bad site.base, which the content check reports', () => {
    expect(basePath('/\\evil.example/', {})).toBe('/');
  });
  it.each([
    ['javascript:alert(1)', 'expected an https:// or http:// address'],
    ['intranet.firm.example', 'expected a full address'],
    ['https://user:pw@intranet.example', 'without a user name'],
    ['https://intranet.example/?x=1', 'without a user name, password, "?"'],
  ])('HANDBOOK_SITE=%j is refused', (value, expected) => {
    expect(() => siteUrl(undefined, { HANDBOOK_SITE: value })).toThrow(EnvError);
    expect(() => siteUrl(undefined, { HANDBOOK_SITE: value })).toThrow(expected);
  });
  it('falls back to none for a bad site.url, which the content check reports', () => {
    expect(siteUrl('javascript:alert(1)', {})).toBeUndefined();
  });
});
