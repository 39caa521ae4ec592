import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { expect, test } from './fixtures/test';
import { ResourcesPage, stockCsv, type ExportedCsv } from './pages/resources';

test('imports 500 holdings across 5 stores, refuses a bad file with row errors and changes nothing; exports the stores and the searched stock', async ({ page, host }) => {
  const res = new ResourcesPage(page);
  await res.open(host.url);
  await res.importCsv('stock.csv', stockCsv(100, 5));
  await expect(page.getByTestId('stock-import')).toContainText('500');
  await expect(res.totalsRow()).toContainText('500');
  await page.screenshot({ path: 'test-results/screens/resources-stock-zh-CN.png', fullPage: true });
  // The import created five stores; the stores file lists exactly those, under its own header.
  const stores = await res.exportCsv('stores');
  expect(stores.name).toBe('stores.csv');
  // A byte-order mark, so a spreadsheet reads Chinese store names as UTF-8.
  expect(stores.text.startsWith('\uFEFF')).toBe(true);
  expect(stores.records).toEqual([['name', 'location'], ...[1, 2, 3, 4, 5].map((n) => [`Store ${n}`, ''])]);

  const bad = ['item,category,unit,store,qty,par,yellowAt,redAt', 'Item 000,ppe,box,Store 1,1,100,40,10', 'Gowns,toys,box,Store 1,-4,100,40,10', ',ppe,box,Store 2,5,100,40,10'].join('\n');
  await res.importCsv('bad.csv', bad);
  await expect(res.importErrors).toBeVisible();
  const rows = res.importErrors.locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('3');
  await expect(rows.nth(0)).toContainText('category');
  await expect(rows.nth(1)).toContainText('qty');
  await expect(rows.nth(2)).toContainText('item');
  // Nothing changed: still 500 holdings, and Item 000 in Store 1 still holds its imported 0, not the bad file's 1.
  await expect(res.totalsRow()).toContainText('500');
  await res.search('Item 000');
  await expect(res.row('Item 000', 'Store 1')).toContainText('0');
  await expect(res.row('Item 000', 'Store 1')).not.toContainText(/\b1\b.*box/);

  // The stock file holds what the search left on screen: Item 000 in its five stores, and no other line (no totals).
  await expect(res.totalsRow()).toContainText('5');
  const stock = await res.exportCsv('stock');
  expect(stock.name).toBe('stock.csv');
  const lines = stock.records.slice(1);
  expect(lines).toHaveLength(5);
  for (const line of lines) expect(line).toContain('Item 000');
  expect(lines.map((line) => line.find((cell) => cell.startsWith('Store '))).sort()).toEqual([1, 2, 3, 4, 5].map((n) => `Store ${n}`));
});

test('issues stock until it runs out and shows why the last issue is refused', async ({ page, host }) => {
  const res = new ResourcesPage(page);
  await res.open(host.url);
  await res.importCsv('stock.csv', ['item,category,unit,store,qty,par,yellowAt,redAt', 'N95 respirator,ppe,each,ED store,12,100,40,10'].join('\n'));
  await res.row('N95 respirator', 'ED store').click();
  await page.getByTestId('issue-qty').fill('5');
  await page.getByTestId('issue-button').click();
  await expect(res.row('N95 respirator', 'ED store')).toContainText('7');
  await expect(res.row('N95 respirator', 'ED store').locator('.status-red').first()).toBeVisible();
  await page.getByTestId('issue-qty').fill('8');
  await page.getByTestId('issue-button').click();
  await expect(page.locator('[data-error-code="stock_negative"]')).toBeVisible();
  await expect(page.locator('[data-error-code="stock_negative"]').getByTestId('error-detail')).toHaveText('ED store 的 N95 respirator：库存 7，需要 8');
  await expect(res.row('N95 respirator', 'ED store')).toContainText('7');
});

test('raises, approves and fills a request, which issues stock and appears in the HICS 257 record', async ({ page, host }) => {
  const res = new ResourcesPage(page);
  await res.open(host.url);
  await res.importCsv('stock.csv', ['item,category,unit,store,qty,par,yellowAt,redAt', 'Oxygen cylinder,oxygen,cylinder,Central store,30,40,15,5'].join('\n'));
  await expect(res.totalsRow()).toContainText('30');
  await res.tab('requests');
  await page.getByTestId('request-item').selectOption('Oxygen cylinder');
  await page.getByTestId('request-qty').fill('20');
  await page.getByTestId('request-section').fill('Operations');
  await page.getByTestId('request-justification').fill('Ward 5 surge');
  await page.getByTestId('request-raise').click();
  const status = page.getByTestId('request-status').first();
  await expect(status).toHaveAttribute('data-status', 'pending');
  await page.getByTestId('request-approve').click();
  await expect(status).toHaveAttribute('data-status', 'approved');
  await page.getByTestId('fill-store').selectOption({ index: 1 });
  await page.getByTestId('fill-qty').fill('12');
  await page.getByTestId('request-fill').click();
  await expect(status).toHaveAttribute('data-status', 'partially_filled');
  await page.getByTestId('fill-qty').fill('8');
  await page.getByTestId('request-fill').click();
  await expect(status).toHaveAttribute('data-status', 'filled');
  await expect(page.getByTestId('hics-257').locator('tbody tr')).toHaveCount(2);
  // Who issued it: a desk never logged in to the server is "this workstation", never a raw id.
  await expect(page.getByTestId('hics-257').locator('tbody tr').first()).toContainText('本工作站');
  await expect(page.getByTestId('request-table').locator('[col-id="requestedBy"]').last()).toHaveText('本工作站');
  await page.screenshot({ path: 'test-results/screens/resources-requests-zh-CN.png', fullPage: true });
  await res.tab('stock');
  await expect(res.row('Oxygen cylinder', 'Central store')).toContainText('10');
});

test('updates beds and exports EDXL-HAVE, in both languages; the exported bed CSV goes back in unchanged', async ({ page, host }) => {
  const res = new ResourcesPage(page);
  await res.open(host.url);
  await res.tab('beds');
  await res.addBedLine('ICU 1', 'adult_icu');
  await res.editBed('ICU 1', 'staffed', '12');
  await expect(res.bedCell('ICU 1', 'available')).toHaveText('12');
  await res.editBed('ICU 1', 'occupied', '9');
  await expect(res.bedCell('ICU 1', 'available')).toHaveText('3');
  // A figure below zero is refused in the grid and never sent.
  await res.editBed('ICU 1', 'occupied', '-3');
  await expect(page.locator('[data-error-code="invalid_request"]')).toBeVisible();
  await expect(res.bedCell('ICU 1', 'occupied')).toHaveText('9');
  await expect(res.bedTileAvailable('adult_icu')).toHaveText('3');
  await page.screenshot({ path: 'test-results/screens/resources-beds-zh-CN.png', fullPage: true });

  const download = page.waitForEvent('download');
  await page.getByTestId('export-have').click();
  const file = await (await download).path();
  // The saved file is an EDXL-HAVE 1.0 document the OASIS schema accepts (xmllint throws on a refusal).
  execFileSync('xmllint', ['--noout', '--nonet', '--schema', 'resources/schemas/edxl-have-1.0/have.xsd', file], { stdio: 'pipe' });
  const doc = new XMLParser({ ignoreAttributes: false }).parse(readFileSync(file, 'utf8')) as Record<string, Record<string, Record<string, Record<string, Record<string, unknown>>>>>;
  const capacity = doc['have:HospitalStatus']?.['have:Hospital']?.['have:HospitalBedCapacityStatus']?.['have:BedCapacity'];
  expect(capacity).toMatchObject({ 'have:BedType': 'AdultICU', 'have:Capacity': { 'have:AvailableCount': 3, 'have:BaselineCount': 12 } });

  await page.getByTestId('language-toggle').click();
  await expect(page.getByTestId('tab-beds')).toHaveText('Beds');
  await bedFileStep(res);
  await page.screenshot({ path: 'test-results/screens/resources-beds-en.png', fullPage: true });
  const exported = await bedExportStep(res);
  await res.tab('stock');
  await res.importCsv('stock.csv', stockCsv(20, 5));
  await expect(res.totalsRow()).toContainText('100');
  await page.screenshot({ path: 'test-results/screens/resources-stock-en.png', fullPage: true });
  await res.tab('beds');
  await bedReimportStep(res, exported);
});

/** Bed CSV: a file with one bad row is refused whole; a good one updates the grid and draws the history chart. */
async function bedFileStep(res: ResourcesPage): Promise<void> {
  const { page } = res;
  const head = 'unit,type,staffed,occupied,surge';
  await res.importBedCsv('beds-bad.csv', [head, 'ICU 1,adult_icu,20,2,0', 'Ward 7,icu_ward,10,2,1'].join('\n'));
  // Choosing a file is a new action: the refusal of the earlier -3 edit is no longer shown.
  await expect(page.locator('[data-error-code="invalid_request"]')).toHaveCount(0);
  const errors = page.getByTestId('bed-import-errors').locator('tbody tr');
  await expect(errors).toHaveCount(1);
  await expect(errors.first()).toContainText('3');
  await expect(errors.first()).toContainText('type');
  await expect(res.bedCell('ICU 1', 'staffed')).toHaveText('12');
  await expect(res.bedLines).toHaveCount(1);

  // A unit name that a spreadsheet would run as a formula: the export must neutralise it and the import undo that.
  await res.importBedCsv('beds.csv', [head, 'ICU 1,adult_icu,14,9,2', 'ED,emergency_department,30,28,6', '=Burns,burn,6,6,0'].join('\n'));
  await expect(page.getByTestId('bed-import')).toContainText('3');
  await expect(res.bedCell('ICU 1', 'available')).toHaveText('5');
  await expect(res.bedCell('=Burns', 'available')).toHaveClass(/status-red/);
  await expect(res.bedCell('ED', 'available')).toHaveClass(/status-yellow/);
  // The chart is drawn on a canvas: some of its pixels are painted.
  const painted = await page.getByTestId('beds-chart').locator('canvas').first().evaluate((canvas: HTMLCanvasElement) => {
    const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? new Uint8ClampedArray();
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) n++;
    return n;
  });
  expect(painted).toBeGreaterThan(500);
}

/**
 * Bed CSV export: the import's own columns, type codes rather than labels, and the lines in the order the grid shows;
 * the unit `=Burns` is written `'=Burns`, so a spreadsheet shows it as text instead of running it (OWASP CSV injection).
 */
async function bedExportStep(res: ResourcesPage): Promise<ExportedCsv> {
  await res.sortBedsBy('unit');
  const exported = await res.exportCsv('beds');
  expect(exported.name).toBe('beds.csv');
  expect(exported.records).toEqual([
    ['unit', 'type', 'staffed', 'occupied', 'surge'],
    ["'=Burns", 'burn', '6', '6', '0'],
    ['ED', 'emergency_department', '30', '28', '6'],
    ['ICU 1', 'adult_icu', '14', '9', '2'],
  ]);
  return exported;
}

/**
 * The exported bed file, imported as it is, is accepted and changes nothing: the same three lines, the same file.
 * Run on a freshly opened beds tab, whose import panel is empty: the message awaited is this file's.
 */
async function bedReimportStep(res: ResourcesPage, exported: ExportedCsv): Promise<void> {
  await res.importBedCsv(exported.name, exported.bytes);
  await expect(res.page.getByTestId('bed-import').getByRole('status')).toContainText('3');
  await expect(res.page.getByTestId('bed-import-errors')).toHaveCount(0);
  // Leaving and reopening the tab reads the lines afresh from the workstation, after the import.
  await res.tab('stock');
  await res.tab('beds');
  await expect(res.bedLines).toHaveCount(3);
  await res.expectBedLine('ICU 1', { staffed: 14, occupied: 9, available: 5, surge: 2 });
  expect((await res.exportCsv('beds')).text).toBe(exported.text);
}
