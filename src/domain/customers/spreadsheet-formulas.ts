/**
 * Text a spreadsheet would run as a formula (CSV injection): a cell starting with =, +, -, @, a tab
 * or a carriage return. OWASP's advice for CSV files is a leading apostrophe, which makes the
 * spreadsheet read the cell as text: "=HYPERLINK(…)" → "'=HYPERLINK(…)". XLSX cells need no such
 * mark: a cell written as a string is never evaluated.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** "=1+1" → "'=1+1"; "Ada" → "Ada". */
export function neutraliseFormula(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}
