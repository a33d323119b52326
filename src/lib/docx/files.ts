/**
 * The bytes of the site's Word files (./site.ts names them). The dev server serves them from
 * their routes (src/routes/versionDocx.ts, compareDocx.ts); a production build writes them in a
 * process of its own, beside Astro's (scripts/word-files.ts), from the same route table and this
 * same function.
 */
import { diffMetadata, redlineVersions } from '../diff.ts';
import type { Handbook, PolicyVersion } from '../model.ts';
import { redlineDocx, versionDocx } from './document.ts';

/** What a Word file's page carries: a version, or the two versions of a redline. */
export type WordFileProps = { version: PolicyVersion } | { from: PolicyVersion; to: PolicyVersion };

/** A Word file of the site: a clean copy of a version, or the redline of two as tracked changes. */
export function wordFile(props: WordFileProps, handbook: Handbook): Buffer {
  const settings = { firm: handbook.config.firm, today: handbook.today };
  if ('version' in props) return versionDocx(props.version, { ...settings, contentDir: handbook.dir });
  const { from, to } = props;
  return redlineDocx(from, to, redlineVersions(from, to), diffMetadata(from.data, to.data), settings);
}
