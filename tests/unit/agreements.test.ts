import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fieldsUsed } from '../../src/lib/agreements.ts';
import { scanBody } from '../../src/lib/body.ts';
import { loadHandbook } from '../../src/lib/model.ts';
import { baseFromPage } from '../../scripts/commands/pdf.ts';
import { fileForRequest } from '../../scripts/local-site.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const TODAY = '2026-11-15';

/** A copy of the sample content with one more agreement, `extra.mdx`. */
function contentWith(agreement: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'agreements-')), 'content');
  cpSync(join(ROOT, 'content'), dir, { recursive: true });
  writeFileSync(join(dir, 'agreements', 'extra.mdx'), agreement);
  return dir;
}

function agreement(fields: string, body: string): string {
  return `---
title: Extra
summary: A test agreement.
version: "1.0"
effective: 2026-01-01
parties:
  - id: client
    label: Client
fields:
${fields}
---

${body}
`;
}

const issuesFor = (text: string) => loadHandbook(contentWith(text), TODAY).issues.filter((i) => i.file.endsWith('extra.mdx'));

describe('fieldsUsed', () => {
  it('lists field names in order of first use, once each, whatever the quotes', () => {
    expect(fieldsUsed(scanBody(`<Field name="b" /> and <Field name='a'/> then <Field name="b" />`, 'mdx'))).toEqual(['b', 'a']);
  });
  it('ignores other components', () => {
    expect(fieldsUsed(scanBody('<Signature party="client" /> <HandbookEdition />', 'mdx'))).toEqual([]);
  });
});

describe('agreement checks', () => {
  it('accepts the sample agreements, and each uses every field it declares', () => {
    const { handbook, issues } = loadHandbook(join(ROOT, 'content'), TODAY);
    expect(issues).toEqual([]);
    expect(handbook?.agreements.length).toBe(5);
    for (const a of handbook!.agreements) {
      expect(fieldsUsed(scanBody(a.body, a.format)).sort(), a.slug).toEqual(a.data.fields.map((f) => f.name).sort());
    }
  });

  it('names the file, field and line of a field used but not declared', () => {
    const issues = issuesFor(agreement('  - name: known\n    label: Known', 'Known: <Field name="known" />.\n\nUnknown: <Field name="missing" />.'));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ field: 'fields', line: 16, ruleId: 'agreement-field-undeclared' });
    expect(issues[0]!.message).toContain('<Field name="missing" />');
    expect(issues[0]!.message).toContain('declared: known');
  });

  it('reports a signature for an undeclared party', () => {
    const issues = issuesFor(agreement('  - name: known\n    label: Known', '<Field name="known" />\n\n<Signature party="vendor" />'));
    expect(issues.map((i) => i.ruleId)).toEqual(['agreement-party-undeclared']);
    expect(issues[0]!.message).toContain('expected one of: client');
  });

  it('reports a party whose name comes from a field that is not declared', () => {
    const text = agreement('  - name: known\n    label: Known', '<Field name="known" />\n\n<Signature party="client" />').replace('    label: Client\n', '    label: Client\n    nameField: clientName\n');
    const issues = issuesFor(text);
    expect(issues).toEqual([
      { file: expect.stringMatching(/extra\.mdx$/), field: 'parties.0.nameField', message: 'Party "client" takes its name from the field "clientName", which is not declared, expected one of: known.', ruleId: 'agreement-name-field-undeclared' },
    ]);
  });

  it('reports a duplicate field name and an unknown type, naming the field', () => {
    const issues = issuesFor(agreement('  - name: a\n    label: A\n    type: signature\n  - name: a\n    label: A again', '<Field name="a" />'));
    expect(issues.map((i) => i.field).sort()).toEqual(['fields.0.type', 'fields.1.name']);
    expect(issues.find((i) => i.field === 'fields.0.type')!.message).toContain('Expected one of text, date, email, multiline, choice, received "signature"');
    expect(issues.find((i) => i.field === 'fields.1.name')!.message).toContain('Duplicate field name "a"');
  });

  it('asks for options on a choice field and refuses them elsewhere', () => {
    const issues = issuesFor(agreement('  - name: a\n    label: A\n    type: choice\n    options: [Only one]\n  - name: b\n    label: B\n    options: [X, Y]', '<Field name="a" /> <Field name="b" />'));
    expect(issues.map((i) => i.field).sort()).toEqual(['fields.0.options', 'fields.1.options']);
  });
});

describe('pdf: the static server for printing', () => {
  it('reads the base path a site was built for from its home page', () => {
    expect(baseFromPage('<body class="kind-home" data-base="/handbook/">')).toBe('/handbook/');
    expect(baseFromPage('<body data-base="/">')).toBe('/');
    expect(baseFromPage('<body>')).toBeUndefined();
  });

  it.each([
    ['/handbook/', '/site/index.html'],
    ['/handbook/agreements/staff/', '/site/agreements/staff/index.html'],
    ['/handbook/_astro/a%20b.css', '/site/_astro/a b.css'],
    ['/other/index.html', undefined],
    ['/handbook/../secret', undefined],
    ['/handbook/%2e%2e/secret', undefined],
    ['/handbook/%E0%A4%A', undefined],
  ])('maps %s to %s', (path, file) => {
    expect(fileForRequest('/site', '/handbook/', path)).toBe(file);
  });
});

describe('pdf: the command', () => {
  const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    spawnSync(process.execPath, ['scripts/handbook.ts', 'pdf', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });

  it('asks for a build when there is no site', () => {
    const result = run(['--site', join(mkdtempSync(join(tmpdir(), 'no-site-')), 'dist')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Run `npm run build` first');
  });

  it('says how to install Chromium when it is missing', () => {
    const site = mkdtempSync(join(tmpdir(), 'site-'));
    writeFileSync(join(site, 'index.html'), '<body data-base="/">');
    const result = run(['--site', site], { CHROMIUM_PATH: join(site, 'no-chromium') });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('apt-get install -y chromium');
  });

  it('refuses an unknown paper size', () => {
    const result = run(['--paper', 'a3']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--paper takes "a4" or "letter"');
  });
});
