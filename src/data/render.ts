/**
 * Policy and agreement text rendered straight from the content model, with the Markdown
 * processor and Sätteri plugins of the Astro config, instead of an Astro module per file.
 *
 * Compiling every version as an MDX module cost most of a large build's time and memory (each
 * module bundled, then held while thousands of pages render). Here `.md` goes through the very
 * renderer Astro's content layer uses, and `.mdx` is evaluated by Sätteri with Astro's JSX
 * runtime and the same plugins as @astrojs/mdx, so the HTML is byte for byte what Astro made
 * (tests/unit/render.test.ts). Only the few texts the model marks `compiled` (their own
 * imports, expressions, images beside them) still go through Astro's content collection.
 */
import { AstroError } from 'astro/errors';
import { Fragment, jsx, jsxs } from 'astro/jsx-runtime';
import * as astroServer from 'astro/runtime/server/index.js';
import { getEntry, render } from 'astro:content';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  satteriCollectImagesPlugin,
  satteriCreateHighlightFn,
  satteriHeadingIdsPlugin,
  satteriHighlightPlugin,
} from '@astrojs/markdown-satteri';
import { evaluate, type Features, type HastPluginList, type MdastPluginList } from 'satteri';
import { compiledTexts, renderSettings, type RenderSettings } from '../integrations/shared-handbook.ts';
import type { AgreementFile, SourceFile } from '../lib/content.ts';
import type { Handbook, PolicyVersion } from '../lib/model.ts';
import { guardText } from './text-errors.ts';

export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

/** A component that renders a text; agreements pass their own `components`. */
export type ContentComponent = (props?: { components?: Record<string, unknown> }) => unknown;

/**
 * One rendered text: Markdown as its HTML; MDX as a component, whose HTML the first page to
 * render it records (components/Body.astro) so later pages reuse it.
 */
export interface RenderedBody {
  headings: Heading[];
  html?: string;
  Content?: ContentComponent;
}

interface AstroData {
  frontmatter: Record<string, unknown>;
  headings: Heading[];
  localImagePaths: Set<string>;
  remoteImagePaths: Set<string>;
}

type Highlight = Parameters<typeof satteriHighlightPlugin>[0];

/** The parts of @astrojs/markdown-satteri's processor (its `satteri()`) used here. */
interface SatteriProcessor {
  createRenderer(shared: object): Promise<{ render(body: string, opts: { frontmatter: Record<string, unknown>; fileURL: URL }): Promise<{ code: string; metadata: { headings: Heading[] } }> }>;
  options: { mdastPlugins: MdastPluginList; hastPlugins: HastPluginList; features: Features };
}

/** Marks a component for Astro's JSX renderer; exported by Astro's runtime, not typed by it. */
const tagComponent = (astroServer as unknown as { __astro_tag_component__(c: unknown, renderer: string): void }).__astro_tag_component__;

let markdown: ReturnType<SatteriProcessor['createRenderer']> | undefined;
let highlight: Promise<Highlight | undefined> | undefined;

function settings(): RenderSettings {
  const found = renderSettings();
  if (!found) throw new AstroError('The handbook integration did not pass on the Markdown settings; is it in astro.config.mjs?');
  return found;
}

/** The options Astro hands a processor's renderers (content-layer.js, @astrojs/mdx). */
function shared(s: RenderSettings) {
  const { syntaxHighlight, shikiConfig, gfm, smartypants } = s.markdown;
  return { image: s.image, syntaxHighlight, shikiConfig, gfm, smartypants };
}

async function renderMarkdown(file: SourceFile, data: object, dir: string): Promise<RenderedBody> {
  const s = settings();
  markdown ??= (s.markdown.processor as unknown as SatteriProcessor).createRenderer(shared(s));
  const { code, metadata } = await (await markdown).render(file.body, { frontmatter: { ...data }, fileURL: pathToFileURL(join(dir, file.contentPath)) });
  return { html: code, headings: metadata.headings };
}

/** As @astrojs/markdown-satteri's MDX processor (mdx/create-processor.js) sets Sätteri up. */
async function evaluateMdx(file: SourceFile, data: object, dir: string): Promise<RenderedBody> {
  const s = settings();
  const { syntaxHighlight, shikiConfig, gfm, smartypants } = s.markdown;
  const options = (s.markdown.processor as unknown as SatteriProcessor).options;
  highlight ??= satteriCreateHighlightFn(syntaxHighlight as never, shikiConfig as never) as Promise<Highlight | undefined>;
  const highlightFn = await highlight;
  const excludeLangs = typeof syntaxHighlight === 'object' ? syntaxHighlight.excludeLangs : undefined;
  const astro: AstroData = { frontmatter: { ...data }, headings: [], localImagePaths: new Set(), remoteImagePaths: new Set() };
  const hastPlugins = [
    ...(highlightFn ? [satteriHighlightPlugin(highlightFn, excludeLangs)] : []),
    ...options.hastPlugins,
    satteriHeadingIdsPlugin(),
  ] as HastPluginList;
  const features = options.features;
  const module = await evaluate(file.body, {
    Fragment,
    jsx: jsx as never,
    jsxs: jsxs as never,
    mdastPlugins: [...options.mdastPlugins, satteriCollectImagesPlugin()] as MdastPluginList,
    hastPlugins,
    features: {
      ...features,
      gfm: typeof features.gfm === 'object' ? features.gfm : (gfm ?? features.gfm ?? true) !== false,
      smartPunctuation: typeof features.smartPunctuation === 'object' ? features.smartPunctuation : (smartypants ?? features.smartPunctuation ?? true) !== false,
    },
    fileURL: pathToFileURL(join(dir, file.contentPath)),
    elementAttributeNameCase: 'html',
    data: { astro },
  });
  const MDXContent = module['default'] as (props: object) => unknown;
  // What @astrojs/mdx's post-processing adds to an MDX module's `Content`.
  const Content = Object.assign((props: { components?: Record<string, unknown> } = {}) => MDXContent({ ...props, components: { Fragment, ...props.components } }), {
    [Symbol.for('mdx-component')]: true,
    [Symbol.for('astro.needsHeadRendering')]: true,
  });
  tagComponent(Content, 'astro:jsx');
  return { Content, headings: astro.headings };
}

/** A text Astro's content collection compiled (src/content.config.ts). */
async function renderCompiled(collection: 'policies' | 'agreements', id: string, file: string): Promise<RenderedBody> {
  const entry = await getEntry(collection, id);
  if (!entry) throw new AstroError(`No rendered entry for ${file}.`);
  const { Content, headings } = await render(entry);
  return { Content: Content as ContentComponent, headings };
}

function renderText(handbook: Handbook, file: SourceFile, data: object, compiled: () => Promise<RenderedBody>): Promise<RenderedBody> {
  if (compiledTexts(handbook).has(file.contentPath)) return compiled().then((body) => guardText(body, file));
  return file.format === 'md' ? renderMarkdown(file, data, handbook.dir) : evaluateMdx(file, data, handbook.dir).then((body) => guardText(body, file));
}

/**
 * Texts that more than one page shows (a policy's current version: its canonical page, its
 * permalink and the print edition), kept while their model lives. Other versions render once
 * and are let go, so memory follows the number of policies, not of versions.
 */
const kept = new WeakMap<PolicyVersion, Promise<RenderedBody>>();

/** Renders a policy version's text; `keep` when other pages will show it too. */
export function renderVersion(handbook: Handbook, v: PolicyVersion, keep = false): Promise<RenderedBody> {
  const found = kept.get(v);
  if (found) return found;
  const rendered = renderText(handbook, v, v.data, () => renderCompiled('policies', `${v.slug}/${v.version}`, v.file));
  // A compiled text may bring styles and scripts of its own, which only its own rendering adds to a page.
  if (keep && !compiledTexts(handbook).has(v.contentPath)) kept.set(v, rendered);
  return rendered;
}

/** Renders an agreement's text. */
export function renderAgreement(handbook: Handbook, a: AgreementFile): Promise<RenderedBody> {
  return renderText(handbook, a, a.data, () => renderCompiled('agreements', a.slug, a.file));
}
