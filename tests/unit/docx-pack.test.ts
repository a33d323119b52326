/**
 * The .docx packer (src/lib/docx/pack.ts) against docx's own `Packer`: for every version of the
 * sample and the fixtures (images, footnotes, lists) and every redline the site offers (tracked
 * changes, comments), the same parts with the same bytes; only the creation and modification
 * times `Packer` stamps and the relationship ids docx draws at random differ.
 */
import JSZip from 'jszip';
import { Packer, type Document } from 'docx';
import { describe, expect, it } from 'vitest';
import { staticComparePairs } from '../../src/lib/compare-pairs.ts';
import { diffMetadata, redlineVersions } from '../../src/lib/diff.ts';
import { redlineDocument, versionDocument } from '../../src/lib/docx/document.ts';
import { packDocx } from '../../src/lib/docx/pack.ts';
import { styles } from '../../src/lib/docx/styles.ts';
import { loadHandbook } from '../../src/lib/model.ts';

const TODAY = '2026-11-15';

/** docx names a hyperlink's relationship at random (`rIdzjt3hzqodt15s1twmmoc2`): the same ones, numbered in order. */
function numberLinks(xml: string): string {
  const seen = new Map<string, number>();
  return xml.replace(/rId[\w-]{12,}/g, (id) => `rIdLink${seen.get(id) ?? seen.set(id, seen.size).get(id)}`);
}

/**
 * Each part's text; the times of docProps/core.xml, which Packer takes from the clock, left out,
 * and hyperlinks' random relationship ids numbered.
 */
async function parts(data: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(data);
  const out: Record<string, string> = {};
  for (const [path, file] of Object.entries(zip.files)) {
    if (file.dir) continue;
    const text = await file.async('string');
    out[path] = numberLinks(path === 'docProps/core.xml' ? text.replace(/<dcterms:(created|modified)[^>]*>[^<]*<\/dcterms:\1>/g, '') : text);
  }
  return out;
}

function documents(dir: string): [string, () => Document][] {
  const { handbook } = loadHandbook(dir, TODAY);
  if (!handbook) throw new Error(`${dir} has problems`);
  const settings = { firm: handbook.config.firm, today: handbook.today, contentDir: handbook.dir };
  const all = [...handbook.policies, ...handbook.withdrawn];
  return [
    ...all.flatMap((p) => p.versions.map((v): [string, () => Document] => [`${dir} ${v.slug} ${v.version}`, () => versionDocument(v, settings)])),
    ...all.flatMap((p) =>
      staticComparePairs(p.versions, p.current).map(({ from, to }): [string, () => Document] => [
        `${dir} ${p.slug} ${from.version} → ${to.version}`,
        () => redlineDocument(from, to, redlineVersions(from, to), diffMetadata(from.data, to.data), settings),
      ]),
    ),
  ];
}

describe('packDocx', () => {
  const cases = [...documents('content'), ...documents('tests/fixtures/rendering/content')];

  it('has documents of every kind to compare', () => {
    expect(cases.filter(([name]) => name.includes('→')).length).toBeGreaterThan(5);
    expect(cases.filter(([name]) => !name.includes('→')).length).toBeGreaterThan(10);
  });

  it.each(cases)('%s: the parts docx packs, byte for byte', async (_, make) => {
    const ours = packDocx(make(), styles);
    const theirs = await Packer.toBuffer(make());
    expect(await parts(ours)).toEqual(await parts(theirs));
  });
});
