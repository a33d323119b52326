/** Frontmatter of an agreement template: `content/agreements/<slug>.mdx`. */
import { z } from 'astro/zod';
import { quote } from '../issues.ts';
import { calendarDate, slug, status, text, VERSION_PATTERN } from './fields.ts';

export const FIELD_TYPES = ['text', 'date', 'email', 'multiline', 'choice'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const agreementFieldSchema = z
  .strictObject({
    /** Name used in the text: `<Field name="clientName" />`. Letters and digits, starting with a letter. */
    name: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, {
      message: 'Expected a field name of letters and digits starting with a letter, e.g. "clientName".',
    }),
    /** Label shown beside the input and under the blank line on paper. */
    label: text,
    /** Kind of input. */
    type: z.enum(FIELD_TYPES, {
      error: (issue) => `Expected one of ${FIELD_TYPES.join(', ')}, received ${quote(issue.input)}.`,
    }).default('text'),
    /** Choices, for a `choice` field. */
    options: z.array(text).optional(),
    /** Must be filled in before printing. */
    required: z.boolean().default(false),
    /** A sentence of help shown under the input. */
    help: text.optional(),
  })
  .superRefine((field, ctx) => {
    if (field.type === 'choice' && (!field.options || field.options.length < 2)) {
      ctx.issues.push({
        code: 'custom',
        input: field.options,
        path: ['options'],
        message: 'Expected at least two options for a choice field.',
      });
    }
    if (field.type !== 'choice' && field.options) {
      ctx.issues.push({
        code: 'custom',
        input: field.options,
        path: ['options'],
        message: `Unexpected options on a ${field.type} field, expected options only with type: choice.`,
      });
    }
  });

export const partySchema = z.strictObject({
  /** Name used in the text: `<Signature party="client" />`. */
  id: slug,
  /** Who signs, e.g. "Client", "For the Firm". */
  label: text,
  /** The field whose value is printed as "Full name" under this party's signature (e.g. `staffName`). */
  nameField: z.string().optional(),
});

export const agreementSchema = z
  .strictObject({
    title: text,
    /** One sentence: when this agreement is used. */
    summary: text,
    /** Template version MAJOR.MINOR, printed on every page. */
    version: z.union([z.string(), z.number()]).transform(String).pipe(
      z.string().regex(VERSION_PATTERN, { message: 'Expected a version MAJOR.MINOR such as "1.0" (quote it in YAML).' }),
    ),
    /** Date this template version takes effect. */
    effective: calendarDate,
    /** Position in the list of agreements. */
    order: z.number().int().default(100),
    status: status.default('active'),
    /** Who signs the agreement. */
    parties: z.array(partySchema).min(1, { message: 'Expected at least one party.' }),
    /** Fill-in fields used in the text. */
    fields: z.array(agreementFieldSchema).default([]),
    /** Slugs of the policies the agreement relies on. */
    policies: z.array(slug).default([]),
  })
  .superRefine(
    (data, ctx) => {
      const seen = new Set<string>();
      // Runs even when other fields are invalid (see `when` below), so the data may be partial.
      (Array.isArray(data.fields) ? data.fields : []).forEach((field, i) => {
        if (!field || typeof field.name !== 'string') return;
        if (seen.has(field.name)) {
        ctx.issues.push({
          code: 'custom',
          input: field.name,
          path: ['fields', i, 'name'],
          message: `Duplicate field name ${quote(field.name)}, expected each field name once.`,
        });
      }
        seen.add(field.name);
      });
    },
    // Report duplicates in the same run as every other problem, not after they are fixed.
    { when: () => true },
  );

export type AgreementData = z.infer<typeof agreementSchema>;
export type AgreementField = z.infer<typeof agreementFieldSchema>;
