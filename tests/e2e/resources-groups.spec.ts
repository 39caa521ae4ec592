import { expect, test } from './fixtures/test';
import { GroupedGrid } from './pages/grid-groups';
import { ResourcesPage, stockCsv } from './pages/resources';

test('groups the stock grid by store and category: sorted inside groups, foldable by mouse and keyboard, remembered', async ({ page, host }) => {
  const res = new ResourcesPage(page);
  await res.open(host.url);
  await res.importCsv('stock.csv', stockCsv(20, 5));
  await expect(res.totalsRow()).toContainText('100');
  const groups = new GroupedGrid(res.grid);
  await expect(groups.headers()).toHaveCount(0);

  await page.getByTestId('group-by').selectOption('store');
  // Store 1 holds items 000..019 with qty (i*7) % 120: 1,090 in all, 20 rows, 3 red and 5 yellow.
  const store1 = groups.header('Store 1');
  await expect(store1).toContainText('20');
  await expect(store1).toContainText('1,090');
  await expect(store1.locator('.status-red')).toContainText('3');

  // Sorted by quantity, the rows under Store 1 are its own, smallest first.
  await res.grid.locator('.ag-header-cell[col-id="qty"]').click();
  await expect.poll(async () => (await groups.rowsInOrder())[0]).toEqual({ group: 'Store 1' });
  const firstGroup = await groups.rowsUnder('Store 1');
  expect(firstGroup.length).toBeGreaterThan(5);
  expect(firstGroup.every((cells) => cells['store'] === 'Store 1')).toBe(true);
  const quantities = firstGroup.map((cells) => Number(cells['qty']));
  expect(quantities).toEqual([...quantities].sort((a, b) => a - b));
  await page.screenshot({ path: 'test-results/screens/resources-grouped-store-zh-CN.png', fullPage: true });

  // Folding a store hides its rows (the totals row counts what is shown) and brings the next header up; with
  // all five folded, the grid is an overview of five stores in order.
  for (const [n, shown] of [[1, '80'], [2, '60'], [3, '40'], [4, '20'], [5, '0']] as const) {
    await groups.header(`Store ${n}`).getByRole('button').click();
    await expect(groups.header(`Store ${n}`)).toHaveAttribute('data-collapsed', 'true');
    await expect(res.totalsRow()).toContainText(`（${shown} `);
  }
  await expect.poll(() => groups.rowsInOrder()).toEqual([1, 2, 3, 4, 5].map((n) => ({ group: `Store ${n}` })));
  await page.screenshot({ path: 'test-results/screens/resources-grouped-folded-zh-CN.png', fullPage: true });

  // The keyboard unfolds: focus a header row, Right (or Enter) opens, Left folds.
  await store1.locator('.grid-group-label').click();
  await page.keyboard.press('ArrowRight');
  await expect(store1).toHaveAttribute('data-collapsed', 'false');
  await expect(res.totalsRow()).toContainText('（20 ');
  await page.keyboard.press('ArrowLeft');
  await expect(store1).toHaveAttribute('data-collapsed', 'true');
  await page.keyboard.press('Enter');
  await expect(store1).toHaveAttribute('data-collapsed', 'false');
  // Changing the grouping starts unfolded.
  await page.getByTestId('group-by').selectOption('none');
  await page.getByTestId('group-by').selectOption('store');
  await expect(res.totalsRow()).toContainText('（100 ');

  // A search keeps every header and only the matching rows beneath them.
  await res.search('Item 003');
  await expect(res.totalsRow()).toContainText('（5 ');
  await expect(groups.headers()).toHaveCount(5);
  const lines = await groups.rowsInOrder();
  expect(lines).toEqual([1, 2, 3, 4, 5].flatMap((n) => [{ group: `Store ${n}` }, { cells: expect.objectContaining({ item: 'Item 003', store: `Store ${n}` }) }]));
  await res.search('');

  // Grouped by category, headers carry the translated names in the reader's order (pinyin: 防护用品 fánghù
  // comes first; in English, Blood products); the choice survives a reload.
  await page.getByTestId('group-by').selectOption('category');
  await expect(groups.header('ppe')).toContainText('防护用品');
  await expect.poll(async () => (await groups.rowsInOrder())[0]).toEqual({ group: 'ppe' });
  await page.reload();
  await expect(page.getByTestId('group-by')).toHaveValue('category');
  await expect(groups.header('ppe')).toBeVisible();
  await page.getByTestId('language-toggle').click();
  await expect.poll(async () => (await groups.rowsInOrder())[0]).toEqual({ group: 'blood' });
  await expect(groups.header('blood')).toContainText('Blood products');
  await page.screenshot({ path: 'test-results/screens/resources-grouped-category-en.png', fullPage: true });

  // A change inside a group moves its header's total: issue 5 of Item 001 in Store 1 (7 on hand).
  await page.getByTestId('group-by').selectOption('store');
  await expect(groups.header('Store 1')).toContainText('1,090');
  await res.row('Item 001', 'Store 1').click();
  await page.getByTestId('issue-qty').fill('5');
  await page.getByTestId('issue-button').click();
  await expect(groups.header('Store 1')).toContainText('1,085');

  // The CSV export holds data rows only: no group headers, no totals row; stored codes, not translated labels.
  const download = page.waitForEvent('download');
  await page.getByTestId('stock-export').click();
  const csv = await (await download).createReadStream();
  let text = '';
  for await (const chunk of csv) text += String(chunk);
  const exported = text.trim().split('\n');
  expect(exported).toHaveLength(101);
  expect(exported[0]).toContain('"item","category","store","qty"');
  expect(exported.find((line) => line.includes('"Item 000","ppe","Store 1"'))).toBeDefined();
});

test('groups beds by type with each group summing its lines', async ({ page, host }) => {
  const res = new ResourcesPage(page);
  await res.open(host.url);
  await res.tab('beds');
  await res.importBedCsv('beds.csv', ['unit,type,staffed,occupied,surge', 'ICU 1,adult_icu,12,11,2', 'ICU 2,adult_icu,8,8,0', 'ED,emergency_department,30,28,6'].join('\n'));
  await expect(page.getByTestId('bed-import')).toContainText('3');
  const groups = new GroupedGrid(page.getByTestId('beds-grid'));
  await page.getByTestId('beds-group-by').selectOption('type');
  await expect(groups.headers()).toHaveCount(2);
  // Adult ICU: staffed 20, occupied 19, available 1 (yellow), surge 2; the ED line alone is its own group.
  const icu = groups.header('adult_icu');
  await expect(icu).toContainText('成人重症监护');
  await expect(icu).toContainText('20');
  await expect(icu).toContainText('19');
  await expect(icu.locator('.status-yellow')).toContainText('1');
  expect(await groups.rowsUnder('adult_icu')).toHaveLength(2);
  await page.screenshot({ path: 'test-results/screens/resources-beds-grouped-zh-CN.png', fullPage: true });
});
