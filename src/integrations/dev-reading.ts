/**
 * The dev server's reading of the content, kept up to date by its file watcher
 * (src/integrations/dev-problems.ts) instead of re-read for every page.
 *
 * Reading and checking 1,000 policies × 3 versions from scratch takes seconds (parsing every
 * frontmatter and text), far too long for each page. Here the parsed files stay in memory; the
 * watcher drops the ones it sees change, and the next page re-reads only those and re-runs the
 * checks across files (links, anchors, versions), which take a tenth of a second at that size.
 * Each reading makes a new model, so nothing keyed by the old one (rendered texts, Astro's
 * `getStaticPaths` props, cleared by the watcher) can show stale text.
 */
import { relative, sep } from 'node:path';
import type { FileReadings } from '../lib/content.ts';
import type { CalendarDate } from '../lib/dates.ts';
import { loadHandbook, type Handbook, type LoadResult } from '../lib/model.ts';

export class DevReading {
  /** Each content file's reading, by content path, until the watcher sees it change. */
  readonly #files: FileReadings = new Map();
  #result: LoadResult | undefined;
  #lastGood: Handbook | undefined;

  readonly dir: string;
  readonly today: CalendarDate;

  // Fields written out, not as parameter properties: Astro loads the config with Node's type
  // stripping first, which refuses them, and falls back to a slower Vite load.
  constructor(dir: string, today: CalendarDate) {
    this.dir = dir;
    this.today = today;
  }

  /** A file or folder under the content folder was added, changed or removed: the next reading reads it again. */
  changed(path: string): void {
    const rel = relative(this.dir, path).split(sep).join('/');
    if (rel.startsWith('..')) return;
    for (const key of this.#files.keys()) if (rel === '' || key === rel || key.startsWith(`${rel}/`)) this.#files.delete(key);
    this.#result = undefined;
  }

  /** The content as it is now, with drafts previewed: re-read after a change, otherwise the same reading. */
  current(): LoadResult {
    if (!this.#result) {
      this.#result = loadHandbook(this.dir, this.today, undefined, { drafts: true, cache: this.#files });
      if (this.#result.handbook) this.#lastGood = this.#result.handbook;
    }
    return this.#result;
  }

  /**
   * The handbook pages render: the current one, or while the content has problems (the
   * integration shows them instead of pages), the last reading without any, for whatever else
   * renders meanwhile (a 404).
   */
  handbook(): Handbook | undefined {
    return this.current().handbook ?? this.#lastGood;
  }
}
