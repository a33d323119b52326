import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contrastRatio, dateStyleFor, editLinkHref, unknownPlaceholders } from '../../src/lib/branding.ts';
import { formatDate } from '../../src/lib/dates.ts';
import { formatIssue } from '../../src/lib/issues.ts';
import { loadHandbook } from '../../src/lib/model.ts';

const TODAY = '2026-11-15';
const FIRM = 'tests/fixtures/okafor-lindqvist/content';

describe('contrastRatio (WCAG 2.2)', () => {
  // Published reference values: black on white 21:1; #767676 is the lightest grey that passes AA
  // on white (4.54:1) and #777777 the first that fails (4.48:1).
  it.each([
    ['#000000', '#ffffff', 21],
    ['#ffffff', '#000', 21],
    ['#767676', '#ffffff', 4.54],
    ['#777777', '#ffffff', 4.48],
    ['#1d4e89', '#1d4e89', 1],
  ])('%s on %s is %d:1', (a, b, expected) => {
    expect(contrastRatio(a, b)).toBeCloseTo(expected, 2);
  });
});

describe('date style', () => {
  it.each([
    ['en-US', 'month-day-year'],
    ['en-us', 'month-day-year'],
    ['en-GB', 'day-month-year'],
    ['en', 'day-month-year'],
    ['fr-CH', 'day-month-year'],
  ])('%s writes %s', (language, style) => {
    expect(dateStyleFor(language)).toBe(style);
  });
  it('formats a date each way', () => {
    expect(formatDate('2027-02-01', 'day-month-year')).toBe('1 February 2027');
    expect(formatDate('2027-02-01', 'month-day-year')).toBe('February 1, 2027');
  });
  it("loading a handbook makes its style the default for every date written after", () => {
    expect(loadHandbook(FIRM, TODAY).handbook?.config.language).toBe('en-US');
    expect(formatDate('2027-02-01')).toBe('February 1, 2027');
    expect(loadHandbook('content', TODAY).handbook?.config.language).toBe('en-GB');
    expect(formatDate('2027-02-01')).toBe('1 February 2027');
  });
});

describe('editLinkHref', () => {
  const values = { slug: 'matter-opening', version: '1.1', path: 'policies/matter-opening/1.1.md', title: 'Opening & closing a matter' };
  it('fills a repository address, keeping the slashes of the path', () => {
    expect(editLinkHref('https://git.example/h/-/edit/main/content/{path}', values)).toBe('https://git.example/h/-/edit/main/content/policies/matter-opening/1.1.md');
  });
  it('encodes values in a mail subject', () => {
    expect(editLinkHref('mailto:a@b.example?subject=Change to {title} ({slug} {version})', values)).toBe(
      'mailto:a@b.example?subject=Change to Opening%20%26%20closing%20a%20matter (matter-opening 1.1)',
    );
  });
  it('names placeholders it does not know', () => {
    expect(unknownPlaceholders('https://x.example/{slug}/{versoin}/{}')).toEqual(['versoin', '']);
  });
});

describe("the firm's settings in handbook.yaml", () => {
  const root = mkdtempSync(join(tmpdir(), 'branding-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  let n = 0;
  /** The fixture firm with its handbook.yaml replaced; the problems, one a line, without the folder. */
  function problems(yaml: string): string[] {
    const dir = join(root, String(n++));
    cpSync(FIRM, dir, { recursive: true });
    writeFileSync(join(dir, 'handbook.yaml'), yaml);
    return loadHandbook(dir, TODAY).issues.map((i) => formatIssue({ ...i, file: 'handbook.yaml' }));
  }
  const base = 'firm: F\nfeedback: f@f.example\nchapters:\n  - { id: matters, title: Matters, order: 1 }\n';

  it('reads every setting of the fixture firm', () => {
    const { handbook } = loadHandbook(FIRM, TODAY);
    expect(handbook?.config).toMatchObject({
      firm: 'Okafor Lindqvist PC',
      language: 'en-US',
      logo: 'brand/okafor-lindqvist.svg',
      accent: '#6b1d3a',
      footer: 'Attorney work product. Not for distribution outside Okafor Lindqvist PC.',
      editLink: { url: 'https://git.okaforlindqvist.example/standards/-/edit/main/content/{path}', text: 'Edit this page' },
    });
  });
  it('has defaults: British English, no logo, the confidential footer, mail to the feedback address', () => {
    expect(problems(base)).toEqual([]);
    const { handbook } = loadHandbook(join(root, String(n - 1)), TODAY);
    expect(handbook?.config).toMatchObject({ language: 'en-GB', footer: 'Confidential: for internal use only.' });
    expect(handbook?.config.logo).toBeUndefined();
    expect(handbook?.config.editLink).toBeUndefined();
  });
  it.each([
    ['language: English (UK)\n', 'handbook.yaml:5 → language: Expected a language tag such as en-GB or en-US.'],
    ['dateStyle: ymd\n', 'handbook.yaml:5 → dateStyle: Expected day-month-year or month-day-year.'],
    ['logo: ../outside.svg\n', 'handbook.yaml:5 → logo: Expected the path of an SVG, PNG, JPEG or WebP file inside the content folder, e.g. logo.svg.'],
    ['logo: /etc/logo.png\n', 'handbook.yaml:5 → logo: Expected the path of an SVG, PNG, JPEG or WebP file inside the content folder, e.g. logo.svg.'],
    ['logo: brand/logo.gif\n', 'handbook.yaml:5 → logo: Expected the path of an SVG, PNG, JPEG or WebP file inside the content folder, e.g. logo.svg.'],
    ['logo: brand/missing.svg\n', 'handbook.yaml:5 → logo: No file "brand/missing.svg" in the content folder, expected the logo\'s path relative to it, e.g. logo.svg.'],
    ['logo: brand\n', 'handbook.yaml:5 → logo: Expected the path of an SVG, PNG, JPEG or WebP file inside the content folder, e.g. logo.svg.'],
    ['accent: blue\n', 'handbook.yaml:5 → accent: Expected a colour written #rrggbb, e.g. "#1d4e89".'],
    // #777777 on white is 4.48:1 (see above): just short of AA.
    ['accent: "#777777"\n', 'handbook.yaml:5 → accent: The colour #777777 has a contrast of 4.48:1 with white, expected at least 4.5:1 (WCAG AA): choose a darker shade.'],
    ['footer: ""\n', 'handbook.yaml:5 → footer: Expected some text, received an empty value.'],
    ['editLink:\n  url: ftp://x.example/{path}\n', 'handbook.yaml:5 → editLink.url: Expected an https:, http: or mailto: address with no spaces.'],
    ['editLink:\n  url: https://x.example/{file}\n', 'handbook.yaml:5 → editLink.url: Unknown placeholder {file}, expected {slug}, {version}, {path}, {title}.'],
    ['editLink:\n  url: https://x.example/\n  label: Edit\n', 'handbook.yaml:5 → editLink: Unknown field "label", expected one of: url, text.'],
  ])('%j is reported with its line and field', (setting, expected) => {
    const found = problems(base + setting);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(expected);
  });
  it('accepts a darker accent and a directory-free logo path', () => {
    expect(problems(`${base}accent: "#767676"\nlogo: brand/okafor-lindqvist.svg\n`)).toEqual([]);
  });
});
