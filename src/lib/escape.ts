/**
 * Text that editors wrote, made safe for the place it is printed: an XML document (the feed),
 * a CSS string (print margins) or a terminal (the CLI). Each escapes by what the place treats as
 * markup or control, so a title can never end the string, the element or the line it is in.
 */

/** Characters XML 1.0 does not allow at all (not even escaped): C0 controls but tab and newlines, lone surrogates, U+FFFE/F. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text for XML content or an attribute value: markup escaped, and characters XML forbids
 * replaced by U+FFFD (a feed with one of them is not XML, and readers drop all of it).
 */
export function xmlText(text: string): string {
  return text
    .replace(NOT_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * A CSS string literal. Every character that could end the string, the declaration or the style
 * element (quotes, backslash, `<`, `>`, `&`) and every control or line separator (CSS counts form
 * feed as a newline, which ends a string) is written as a hex escape; the rest stays as it is.
 */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"'<>&\p{Cc}\p{Zl}\p{Zp}]/gu, (c) => `\\${c.codePointAt(0)!.toString(16).toUpperCase()} `)}"`;
}

/**
 * Text for a terminal: control characters (escape sequences that move the cursor, recolour,
 * retitle the window or write to the clipboard), C1 controls and bidirectional overrides are
 * shown as visible escapes (`\x1b`, `\u202e`) instead of acting. Tabs and line breaks stay.
 */
export function inert(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
