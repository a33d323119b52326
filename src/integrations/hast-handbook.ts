/**
 * Sätteri hast plugins for policy and agreement text:
 * - links to other content get the base path (and file links become page addresses);
 * - headings get their id (src/lib/headings.ts: explicit, alias or from the text) and a visible
 *   link to copy, so a clause can be cited by address;
 * - GFM task-list checkboxes get an accessible name (axe reports unlabelled ones).
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HastPluginEntry } from 'satteri';
import { aliasList, HeadingIds } from '../lib/headings.ts';
import { resolveLink, targetPath, withBase } from '../lib/links.ts';

function contentPath(contentDir: string, fileURL: URL | undefined): string {
  return fileURL ? relative(contentDir, fileURLToPath(fileURL)).split('\\').join('/') : '';
}

export function handbookHastPlugins(options: { base: string; contentDir: string }): HastPluginEntry[] {
  const links: HastPluginEntry = {
    name: 'handbook-links',
    element: {
      filter: ['a'],
      visit(node, ctx) {
        const href = node.properties?.['href'];
        if (typeof href !== 'string') return;
        const path = targetPath(resolveLink(href, contentPath(options.contentDir, ctx.fileURL)));
        if (path) ctx.setProperty(node, 'href', withBase(options.base, path));
      },
    },
  };

  const headings: HastPluginEntry = () => {
    const ids = new HeadingIds();
    return {
      name: 'handbook-heading-anchors',
      element: {
        filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
        visit(node, ctx) {
          const text = ctx.textContent(node);
          const properties = node.properties ?? {};
          // `{#id aliases="old-id"}` (Sätteri's heading attributes; the check refuses any other attribute).
          const explicit = typeof properties['id'] === 'string' && properties['id'] ? properties['id'] : undefined;
          const aliases = aliasList(properties['aliases']);
          for (const name of Object.keys(properties)) if (name !== 'id' && name !== 'className') ctx.setProperty(node, name, undefined);
          // GFM's visually hidden "Footnotes" heading keeps its id and gets no visible link.
          const className = properties['className'];
          const footnotes = Array.isArray(className) && className.includes('sr-only');
          const id = footnotes && explicit ? explicit : ids.next(text, explicit, aliases);
          ctx.setProperty(node, 'id', id);
          if (footnotes || node.tagName === 'h1') return;
          // An old id stays an anchor on the same heading, so citations of it still land here.
          if (aliases.length) ctx.prependChild(node, aliases.map((alias) => ({ type: 'element', tagName: 'span', properties: { id: alias, className: ['heading-alias'] }, children: [] })));
          // Wrap as div > [heading, anchor] so the heading's own text (and the contents list) stays clean.
          // The anchor is a plain link to the section; src/client/copy-link.ts makes it copy the address.
          ctx.wrapNode(node, {
            type: 'element',
            tagName: 'div',
            properties: { className: ['heading-wrap', `heading-${node.tagName}`] },
            children: [
              {
                type: 'element',
                tagName: 'a',
                properties: { className: ['anchor'], href: `#${id}`, dataPagefindIgnore: '', dataCopyLink: '' },
                children: [
                  { type: 'element', tagName: 'span', properties: { className: ['visually-hidden'] }, children: [{ type: 'text', value: `Link to the section “${text}”` }] },
                  { type: 'element', tagName: 'span', properties: { ariaHidden: 'true' }, children: [{ type: 'text', value: '#' }] },
                ],
              },
            ],
          });
        },
      },
    };
  };

  const taskLists: HastPluginEntry = {
    name: 'handbook-task-list-labels',
    element: {
      filter: ['input'],
      visit(node, ctx) {
        if (node.properties?.['type'] !== 'checkbox') return;
        const item = ctx.parent(node);
        const label = item && 'tagName' in item ? ctx.textContent(item as never).trim() : '';
        ctx.setProperty(node, 'ariaLabel', label || 'Checklist item');
      },
    },
  };

  return [links, headings, taskLists];
}
