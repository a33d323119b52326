/**
 * The firm's settings that shape every page (handbook.yaml): the accent colour's contrast, the
 * date style a language implies, and the "edit this page" link a template makes. Pure, shared by
 * the schema, the site and the CLI.
 */

/** A colour written `#rrggbb` (or `#rgb`). */
export const HEX_COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** WCAG 2.2 relative luminance of a `#rrggbb` or `#rgb` colour. */
export function relativeLuminance(hex: string): number {
  const digits = hex.length === 4 ? [...hex.slice(1)].map((d) => d + d).join('') : hex.slice(1);
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(digits.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours, from 1 (none) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * The accent is link text on the page's white and the background of white button text, so both
 * need WCAG AA's 4.5:1 for normal text (the same ratio either way round).
 */
export const ACCENT_BACKGROUND = '#ffffff';
export const MIN_CONTRAST = 4.5;

/** How a date is written: "1 February 2027" or "February 1, 2027". */
export type DateStyle = 'day-month-year' | 'month-day-year';
export const DATE_STYLES = ['day-month-year', 'month-day-year'] as const satisfies readonly DateStyle[];

/** Whether a language tag is well-formed BCP 47 with a two- or three-letter language (en-GB, en-US, fr-CH…). */
export function isLanguageTag(tag: string): boolean {
  if (!/^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i.test(tag)) return false;
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/** The date style a language writes: month first in US English, day first otherwise. */
export function dateStyleFor(language: string): DateStyle {
  return /^en-US\b/i.test(language) ? 'month-day-year' : 'day-month-year';
}

/** The firm's date style: `dateStyle` in handbook.yaml, or the one its language writes. */
export function dateStyleOf(config: { language: string; dateStyle?: DateStyle | undefined }): DateStyle {
  return config.dateStyle ?? dateStyleFor(config.language);
}

/** What an "edit this page" link template may say about the page's policy version. */
export interface EditLinkValues {
  slug: string;
  version: string;
  /** The version file, relative to the content folder: `policies/intake/1.1.mdx`. */
  path: string;
  title: string;
}

export const EDIT_LINK_PLACEHOLDERS = ['slug', 'version', 'path', 'title'] as const satisfies readonly (keyof EditLinkValues)[];
const PLACEHOLDER = /\{([^{}]*)\}/g;

/** The placeholders of a template that are not one of ours (`{slg}`), for the check. */
export function unknownPlaceholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((name) => !(EDIT_LINK_PLACEHOLDERS as readonly string[]).includes(name));
}

/**
 * Fills an edit link template: each value is percent-encoded (a path keeps its slashes), so a
 * title with spaces or `&` cannot break the address or a mailto subject.
 */
export function editLinkHref(template: string, values: EditLinkValues): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    if (!(EDIT_LINK_PLACEHOLDERS as readonly string[]).includes(name)) return whole;
    const value = values[name as keyof EditLinkValues];
    return name === 'path' ? value.split('/').map(encodeURIComponent).join('/') : encodeURIComponent(value);
  });
}
