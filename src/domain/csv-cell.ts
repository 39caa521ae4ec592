/**
 * Spreadsheet formula neutralising for every CSV we write, and its exact inverse for every CSV we read.
 *
 * OWASP's CSV injection rule: a cell that starts with `=`, `+`, `-`, `@`, tab or carriage return is taken by Excel,
 * LibreOffice and Google Sheets as a formula (`=HYPERLINK(...)`, `@SUM(...)`, `-2+3+cmd|...`), so it is written
 * with a leading apostrophe, which spreadsheets read as "this is text". Papa Parse's `escapeFormulae` is not used:
 * its pattern (`/^[=+\-@\t\r].*$/`, no `s` flag) misses a formula cell that holds a line break, and it has no inverse.
 *
 * To make export → import give back every value, a value that already starts with apostrophes before a trigger
 * (`'=x`) gets one more, and the import removes one apostrophe only from a cell that is apostrophes then a trigger.
 * So `'abc` or `it's` pass through both ways untouched. Numbers are written as they are: a number cannot carry a
 * formula, and `-5` must stay a number in the spreadsheet.
 */
const ESCAPED = /^'*[=+\-@\t\r]/;
const UNESCAPE = /^'+[=+\-@\t\r]/;

export function toCsvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  return ESCAPED.test(value) ? `'${value}` : value;
}

export function fromCsvCell(cell: string): string {
  return UNESCAPE.test(cell) ? cell.slice(1) : cell;
}
