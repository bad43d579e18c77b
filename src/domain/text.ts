/**
 * What text input the product accepts, decided once for every field, form, sign-in and search:
 * well-formed Unicode (no lone surrogate halves), no control characters (C0, DEL, C1) except tab
 * and line feed in multi-line fields, stored NFC-normalised. PostgreSQL refuses U+0000 outright and
 * SQLite's search index chokes on it, so such text is refused with a message before it goes near
 * a database.
 */
import { z } from 'zod';

/** C0 controls but tab and line feed, DEL and the C1 controls. */
// eslint-disable-next-line no-control-regex -- control characters are what these rules find
const CONTROL_EXCEPT_TAB_AND_LINE_FEED = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex -- as above
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** Half of a surrogate pair without its other half: not a character, and not encodable as UTF-8. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export interface TextOptions {
  /** A multi-line field (notes): tab and line breaks are allowed. */
  multiline?: boolean;
}

/** Searched words: white space of any kind (tab, line break) only separates them. */
export const WORDS: TextOptions = { multiline: true };

/** Whether text may be stored: well-formed Unicode, and no control character but those `multiline` allows. */
export function isAcceptableText(value: string, { multiline = false }: TextOptions = {}): boolean {
  const controls = multiline ? CONTROL_EXCEPT_TAB_AND_LINE_FEED : CONTROL;
  return !LONE_SURROGATE.test(value) && !controls.test(multiline ? unifyLineBreaks(value) : value);
}

/** The message for a field whose text is not acceptable: "Notes contains an invisible or broken character…". */
export function unacceptableTextMessage(label: string): string {
  return `${label} contains an invisible or broken character; type it again without it.`;
}

/** "a\r\nb\rc" → "a\nb\nc": browsers send a textarea's line breaks as CR LF. */
export function unifyLineBreaks(value: string): string {
  return value.replace(/\r\n?/g, '\n');
}

/** Text as it is stored: NFC (one code point for "é", however it was typed), line breaks as LF. */
export function normalizeText(value: string, { multiline = false }: TextOptions = {}): string {
  return (multiline ? unifyLineBreaks(value) : value).normalize('NFC');
}

/** Tags like `<b>` or `</script>` and entities like `&amp;`. */
const MARKUP = /<[^<>]*>|&[#\w]+;/g;

/**
 * A name that is nothing but markup and punctuation once its tags and entities are taken out:
 * `</script><meta http-equiv=refresh …>` is not anybody's name.
 */
export function isMarkupOnly(value: string): boolean {
  const withoutMarkup = value.replace(MARKUP, '');
  return withoutMarkup !== value && !/[\p{L}\p{N}]/u.test(withoutMarkup);
}

/**
 * A zod transform for a text field: refuses unacceptable text with the field's message, gives it
 * back normalised. `z.string().transform(checkedText('Notes', { multiline: true }))`.
 */
export function checkedText(label: string, options: TextOptions = {}) {
  return (value: string, context: z.RefinementCtx): string => {
    if (isAcceptableText(value, options)) return normalizeText(value, options);
    context.addIssue({ code: z.ZodIssueCode.custom, message: unacceptableTextMessage(label) });
    return z.NEVER;
  };
}
