/**
 * The Word styles and list numbering every document the handbook writes shares, and the style
 * names import recognises when a document comes back.
 */
import { AlignmentType, HeadingLevel, LevelFormat, type IStylesOptions, type INumberingOptions } from 'docx';

export const NUMBERED = 'handbook-numbered';
export const BULLETS = 'handbook-bullets';

/** Paragraph style names import reads back: the lines above the text, and quotes. */
export const STYLE = {
  details: 'Policy Details',
  summary: 'Policy Summary',
  quote: 'Quote',
  code: 'Code',
} as const;

const NUMBER_FORMATS = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN];
const BULLET_MARKS = ['•', '◦', '▪'];

const levels = (kind: 'numbered' | 'bullets') =>
  Array.from({ length: 9 }, (_, level) => ({
    level,
    format: kind === 'numbered' ? (NUMBER_FORMATS[level % 3] ?? LevelFormat.DECIMAL) : LevelFormat.BULLET,
    text: kind === 'numbered' ? `%${level + 1}.` : (BULLET_MARKS[level % 3] ?? '•'),
    alignment: AlignmentType.START,
    style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
  }));

export const numbering: INumberingOptions = {
  config: [
    { reference: NUMBERED, levels: levels('numbered') },
    { reference: BULLETS, levels: levels('bullets') },
  ],
};

export const styles: IStylesOptions = {
  paragraphStyles: [
    { id: 'PolicyDetails', name: STYLE.details, basedOn: 'Normal', run: { size: 20, color: '444444' }, paragraph: { spacing: { after: 60 } } },
    { id: 'PolicySummary', name: STYLE.summary, basedOn: 'Normal', run: { italics: true }, paragraph: { spacing: { after: 240 } } },
    { id: 'Quote', name: STYLE.quote, basedOn: 'Normal', run: { italics: true }, paragraph: { indent: { left: 720 } } },
    { id: 'Code', name: STYLE.code, basedOn: 'Normal', run: { font: 'Courier New', size: 20 } },
  ],
};

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6] as const;

/**
 * The Word heading for a Markdown heading: the policy's title is the document's Title, and its
 * sections start at `##`, so `##` is Heading 1 (`#`, rare in a body, is Heading 1 too).
 */
export function headingStyle(depth: number): (typeof HEADINGS)[number] {
  return HEADINGS[Math.min(5, Math.max(0, depth - 2))] ?? HeadingLevel.HEADING_1;
}
