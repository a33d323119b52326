import { describe, expect, it } from 'vitest';
import { cssString, inert, xmlText } from '../../src/lib/escape.ts';

describe('xmlText (the feed)', () => {
  it('escapes markup, quotes and ampersands', () => {
    expect(xmlText(`<img src="x"> & 'y'`)).toBe('&lt;img src=&quot;x&quot;&gt; &amp; &apos;y&apos;');
  });
  it('replaces characters XML does not allow, keeps tab and line breaks', () => {
    expect(xmlText('a\u0001b\u000Bc\u000Cd\u001Fe\uFFFEf\uFFFF')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFD');
    expect(xmlText('a\tb\nc\rd')).toBe('a\tb\nc\rd');
  });
  it('replaces a lone surrogate but keeps a pair (an emoji)', () => {
    expect(xmlText('x\uD83Dy')).toBe('x\uFFFDy');
    expect(xmlText('x\uDE00y')).toBe('x\uFFFDy');
    expect(xmlText('x\uD83D\uDE00y')).toBe('x\uD83D\uDE00y');
  });
});

describe('cssString (print margins)', () => {
  it('quotes plain text as it is', () => {
    expect(cssString('Staff confidentiality, version 2.0 — Müller')).toBe('"Staff confidentiality, version 2.0 — Müller"');
  });
  it('writes a form feed, line breaks and separators as hex escapes, so the string cannot end', () => {
    expect(cssString('a\fb')).toBe('"a\\C b"');
    expect(cssString('a\nb\rc')).toBe('"a\\A b\\D c"');
    expect(cssString('a\u2028b\u2029c\u0085d')).toBe('"a\\2028 b\\2029 c\\85 d"');
  });
  it('escapes what could end the string, the rule or the style element', () => {
    expect(cssString(`"; } body { display: none } </style><script>`)).toBe('"\\22 ; } body { display: none } \\3C /style\\3E \\3C script\\3E "');
    expect(cssString("\\ ' &")).toBe('"\\5C  \\27  \\26 "');
  });
});

describe('inert (the terminal)', () => {
  it('shows escape sequences instead of sending them', () => {
    expect(inert('\u001b]0;owned\u0007Title\u001b[2J')).toBe('\\x1b]0;owned\\x07Title\\x1b[2J');
  });
  it('shows C1 controls, carriage returns and bidirectional overrides', () => {
    expect(inert('a\u009b31mb\rc\u202Ed\u2066e\u007f')).toBe('a\\x9b31mb\\x0dc\\u202ed\\u2066e\\x7f');
  });
  it('keeps tabs, line breaks and ordinary text', () => {
    expect(inert('Müller\tIT Lead\n→ ok')).toBe('Müller\tIT Lead\n→ ok');
  });
});
