/**
 * Text a spreadsheet would run as a formula (CSV injection): a cell starting with =, +, -, @, a tab
 * or a carriage return. OWASP's advice for CSV files is a leading apostrophe, which makes the
 * spreadsheet read the cell as text: "=HYPERLINK(…)" → "'=HYPERLINK(…)". XLSX cells need no such
 * mark: a cell written as a string is never evaluated. One rule for every file the product writes
 * (the export, the import's error report).
 */

const FORMULA_START = /^[=+\-@\t\r]/;
/** A sign, then only digits, spaces, dots, dashes and brackets: "+44 20 7946 0958" calls nothing. */
const SIGNED_NUMBER = /^[+-][\d\s().-]*$/;

export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** "=1+1" → "'=1+1"; "Ada" → "Ada". */
export function neutraliseFormula(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}

/**
 * As neutraliseFormula, but a signed number such as a phone number typed "+44 20 7946 0958" stays
 * as it was: cells a person will fix and upload again must read back as they were typed.
 */
export function neutraliseFormulaKeepingNumbers(text: string): string {
  return SIGNED_NUMBER.test(text) ? text : neutraliseFormula(text);
}
