/**
 * A CSV writer (RFC 4180) that also neutralises spreadsheet formulas. Pure, so it is tested on its own; used only by
 * the lazily loaded export.
 */

/**
 * A cell a spreadsheet would evaluate starts with one of these (OWASP "CSV Injection"): `=SUM(…)`, `+cmd|…`,
 * `-2+3`, `@SUM(…)`, or a tab or carriage return that some spreadsheets skip before such a character. A leading `'`
 * makes the spreadsheet show the text as it is.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: formula-neutralised, then quoted (with doubled quotes) when it holds a comma, a quote or a line break. */
export function csvCell(value: string): string {
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file: one line per row, CRLF line ends (RFC 4180 §2), a line end after the last row too. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}
