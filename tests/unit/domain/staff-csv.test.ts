import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { staffCsvColumns, staffToCsvRecords, validateStaffCsv } from '../../../src/domain/roster/staff-csv';
import { makeStaffCsv } from '../../fixtures/roster';

function parse(text: string) {
  const result = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  return validateStaffCsv(result.meta.fields ?? [], result.data);
}

describe('staff CSV', () => {
  it('reads 300 people with qualifications, expiry dates and languages', () => {
    const result = parse(makeStaffCsv(300));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.rows).toHaveLength(300);
    expect(result.rows[0]).toMatchObject({ staffNo: 'S0001', qualifications: [{ code: 'ACLS', expiresAt: Date.UTC(2027, 5, 30) }, { code: 'PPE-FIT' }], languages: ['zh', 'en'] });
  });

  it('refuses the whole file and names every bad row, column and reason', () => {
    const result = parse(makeStaffCsv(5, { 2: { profession: 'astronaut' }, 4: { name: '' }, 5: { staff_no: 'S0001' } }));
    expect(result).toEqual({
      ok: false,
      errors: [
        { row: 3, column: 'profession', reason: expect.stringContaining('must be one of') as unknown },
        { row: 5, column: 'name', reason: 'must not be empty' },
        { row: 6, column: 'staff_no', reason: 'duplicate of row 2' },
      ],
    });
  });

  it('refuses a file without a required column', () => {
    expect(parse('staff_no,name\nS1,A\n')).toMatchObject({ ok: false, errors: [{ row: 1, column: 'department' }, { row: 1, column: 'profession' }, { row: 1, column: 'home_unit' }] });
  });

  it('exports what it imports', () => {
    const first = parse(makeStaffCsv(3));
    if (!first.ok) throw new Error('fixture did not parse');
    const text = Papa.unparse({ fields: [...staffCsvColumns], data: staffToCsvRecords(first.rows) });
    expect(parse(text)).toEqual(first);
  });
});

describe('staff CSV dates', () => {
  it('refuses an expiry date that does not exist rather than rolling it over', () => {
    expect(parse(makeStaffCsv(1, { 1: { qualifications: 'ACLS:2027-13-45' } }))).toMatchObject({ ok: false, errors: [{ row: 2, column: 'qualifications' }] });
  });
});
