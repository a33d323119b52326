/**
 * Sätteri hast plugins for policy and agreement text:
 * - links to other content get the base path (and file links become page addresses);
 * - headings get a stable id and a visible link to copy, so a clause can be cited by address;
 * - GFM task-list checkboxes get an accessible name (axe reports unlabelled ones).
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import GithubSlugger from 'github-slugger';
import type { HastPluginEntry } from 'satteri';
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
    const slugger = new GithubSlugger();
    return {
      name: 'handbook-heading-anchors',
      element: {
        filter: ['h2', 'h3', 'h4', 'h5', 'h6'],
        visit(node, ctx) {
          const text = ctx.textContent(node);
          const existing = node.properties?.['id'];
          const id = typeof existing === 'string' ? existing : slugger.slug(text);
          ctx.setProperty(node, 'id', id);
          // GFM's visually hidden "Footnotes" heading gets no visible link.
          const className = node.properties?.['className'];
          if (Array.isArray(className) && className.includes('sr-only')) return;
          // Wrap as div > [heading, anchor] so the heading's own text (and the contents list) stays clean.
          ctx.wrapNode(node, {
            type: 'element',
            tagName: 'div',
            properties: { className: ['heading-wrap', `heading-${node.tagName}`] },
            children: [
              {
                type: 'element',
                tagName: 'a',
                properties: { className: ['anchor'], href: `#${id}`, dataPagefindIgnore: '' },
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
