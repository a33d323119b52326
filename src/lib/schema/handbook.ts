/** `content/handbook.yaml`: the firm, its chapters and the site-wide options. */
import { z } from 'astro/zod';
import { ACCENT_BACKGROUND, contrastRatio, DATE_STYLES, EDIT_LINK_PLACEHOLDERS, HEX_COLOUR, isLanguageTag, MIN_CONTRAST, unknownPlaceholders } from '../branding.ts';
import { baseProblem, siteProblem } from '../env.ts';
import { slug, text } from './fields.ts';

export const chapterSchema = z.strictObject({
  /** Identifier used by policies in their `chapter` field. */
  id: slug,
  /** Heading shown in navigation and the print edition. */
  title: text,
  /** Position in the handbook, lowest first. */
  order: z.number().int(),
  /** One or two sentences shown on the home page. */
  description: text.optional(),
});

export const handbookSchema = z.strictObject({
  /** The firm's name, on every page and on the print edition's cover. */
  firm: text,
  /** The handbook's title. */
  title: text.default('Policy Handbook'),
  /** Address that "suggest a change" links write to. */
  feedback: z.email({ message: 'Expected an e-mail address such as handbook@firm.example.' }),
  /** Language of the pages (their `lang` attribute), a BCP 47 tag; en-US also writes dates month first. */
  language: z
    .string()
    .refine(isLanguageTag, { message: 'Expected a language tag such as en-GB or en-US.' })
    .default('en-GB'),
  /** How dates are written on the site and by the CLI: "1 February 2027" or "February 1, 2027"; default from `language`. */
  dateStyle: z.enum(DATE_STYLES, { message: `Expected ${DATE_STYLES.join(' or ')}.` }).optional(),
  /** An image in the content folder (SVG, PNG, JPEG or WebP), shown in the header; copied into the site. */
  logo: z
    .string()
    .regex(/^(?!\/)(?!.*(?:^|\/)\.\.(?:\/|$)).+\.(?:svg|png|jpe?g|webp)$/i, {
      message: 'Expected the path of an SVG, PNG, JPEG or WebP file inside the content folder, e.g. logo.svg.',
    })
    .optional(),
  /** Colour of links and buttons, `#rrggbb`; it must keep 4.5:1 contrast with white (WCAG AA). */
  accent: z
    .string()
    .regex(HEX_COLOUR, { message: 'Expected a colour written #rrggbb, e.g. "#1d4e89".' })
    .refine((c) => !HEX_COLOUR.test(c) || contrastRatio(c, ACCENT_BACKGROUND) >= MIN_CONTRAST, {
      error: (issue) => `The colour ${String(issue.input)} has a contrast of ${contrastRatio(String(issue.input), ACCENT_BACKGROUND).toFixed(2)}:1 with white, expected at least ${MIN_CONTRAST}:1 (WCAG AA): choose a darker shade.`,
    })
    .optional(),
  /** A line at the foot of every page; the default says the handbook is confidential. */
  footer: text.default('Confidential: for internal use only.'),
  /** The link on each policy page to change it; by default a mail to `feedback`. */
  editLink: z
    .strictObject({
      /** An https:, http: or mailto: address; {slug}, {version}, {path} (of the file in the content folder) and {title} are filled in. */
      url: z
        .string()
        .regex(/^(?:https?:\/\/|mailto:)\S+$/, { message: 'Expected an https:, http: or mailto: address with no spaces.' })
        .refine((t) => unknownPlaceholders(t).length === 0, {
          error: (issue) => `Unknown placeholder {${unknownPlaceholders(String(issue.input))[0]}}, expected ${EDIT_LINK_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}.`,
        }),
      /** The link's words. */
      text: text.default('Suggest a change to this policy'),
    })
    .optional(),
  /** Chapters in reading order. */
  chapters: z
    .array(chapterSchema)
    .min(1, { message: 'Expected at least one chapter.' })
    // In the schema, not the model: reported even when another setting is wrong too.
    .superRefine((chapters, ctx) => {
      chapters.forEach((c, i) => {
        if (chapters.findIndex((other) => other.id === c.id) < i) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `Chapter id "${c.id}" is used twice, expected each chapter once.` });
      });
    }),
  review: z
    .strictObject({
      /** Months between reviews when a policy does not say otherwise. */
      everyMonths: z.number().int().positive({ message: 'Expected a whole number of months above 0.' }).default(12),
      /** A review is "due soon" this many days before its date. */
      warnDays: z.number().int().nonnegative().default(60),
    })
    .prefault({}),
  /**
   * Imports, exports and `{expressions}` in policy and agreement text run on the build machine
   * (an import can publish any file it can read). Staff write the text, so they are refused
   * unless the firm sets this to true.
   */
  allowCode: z.boolean().default(false),
  site: z
    .strictObject({
      /** Path the handbook is served under, e.g. `/handbook/` (overridden by HANDBOOK_BASE). */
      base: z.string().refine((base) => !baseProblem(base), { error: (issue) => `Received ${JSON.stringify(issue.input)}, ${baseProblem(String(issue.input))}.` }).default('/'),
      /** Full address of the site, used in feeds and printouts (overridden by HANDBOOK_SITE). */
      url: z.string().refine((url) => !siteProblem(url), { error: (issue) => `Received ${JSON.stringify(issue.input)}, ${siteProblem(String(issue.input))}.` }).optional(),
      /** A public handbook may be indexed by search engines; the default keeps it out. */
      public: z.boolean().default(false),
    })
    .prefault({}),
});

/** What editors write in handbook.yaml. */
export type HandbookInput = z.input<typeof handbookSchema>;
/** The handbook settings as code reads them, defaults filled in. */
export type HandbookConfig = z.infer<typeof handbookSchema>;
export type Chapter = z.infer<typeof chapterSchema>;
