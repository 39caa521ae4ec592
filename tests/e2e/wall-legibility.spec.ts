import { uuidv7 as newId } from 'uuidv7';
import { expect, test } from './fixtures/test';
import { withApi } from './pages/map';
import { seedChemicalIncident } from './pages/map-scenario';
import { wallMapLabels } from './pages/wall';

const WALL = { width: 1920, height: 1080 };
const ZONES = ['热区 泄漏点', '温区 洗消通道', '冷区 支援区'];
const POSTS_AND_ASSETS = ['检伤分类点 1', '洗消帐篷', '救护车集结点', '急诊一队', '消防中队', '呼吸机 x4'];

for (const language of ['zh-CN', 'en'] as const) {
  test(`the wall's map at 1080p names zones, posts, assets and cases in ${language} at 24 px or more, placed by maplibre without overlap`, async ({ browser, host }) => {
    await withApi(host.url, async (client) => {
      await seedChemicalIncident(client, Date.now());
      await client.call('settings.update', { language, wall: { pages: [['map', 'figures']], rotateSeconds: 0 } });
    });
    const context = await browser.newContext({ viewport: WALL });
    const page = await context.newPage();
    await page.goto(`${host.url}/wall`);
    await expect(page.getByTestId('map-canvas-pane')).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
    // Every zone, post and asset is named on the canvas, as maplibre placed it (collision included).
    await expect.poll(async () => (await wallMapLabels(page)).map((l) => l.name), { timeout: 20_000 }).toEqual(expect.arrayContaining([...ZONES, ...POSTS_AND_ASSETS]));
    const labels = await wallMapLabels(page);
    for (const label of labels) {
      expect(label.size, `${label.layer} ${label.name}`).toBeGreaterThanOrEqual(24);
      expect(label.allowOverlap, `${label.layer} ${label.name}`).toBe(false);
    }
    // Cases are named too, or counted where they cluster; collision drops the ones that would overlap a name.
    expect(labels.some((l) => l.layer === 'label-case' || l.layer === 'label-case-cluster')).toBe(true);
    // Nothing is left to HTML markers on the wall (they neither collide nor scale with it).
    await expect(page.locator('.wall [data-testid="map-label"]')).toHaveCount(0);
    await page.waitForTimeout(800);
    await page.screenshot({ path: `test-results/screens/wall-map-labels-1080p-${language}.png` });
    await context.close();
  });
}

test('the wall ticker shows whole items a page at a time and comes round to every item', async ({ browser, host }) => {
  const long = '北侧停车场临时分诊区已开设，绿色伤员由保卫科引导经北门进入，家属接待点设在门诊大厅东侧，请各组勿占用急诊救护车通道，消防中队继续在热区外围警戒';
  const medium = ['省卫健委工作组预计十五时三十分到达行政楼', '血库报告O型红细胞库存可支持六小时，已向中心血站申请补充', '第二批九名伤员已分流至外科一病区和ICU'];
  await withApi(host.url, async (client) => {
    const now = Date.now();
    const incidentId = await seedChemicalIncident(client, now);
    const texts = [long, ...medium];
    for (const [i, text] of texts.entries()) {
      await client.call('mutate', { name: 'log.append', args: { id: newId(), incidentId, at: now - (i + 1) * 60_000, text, backdateReason: '演练场景预置' } } as never);
    }
    await client.call('settings.update', { wall: { pages: [['figures', 'tasks']], rotateSeconds: 0 } });
  });
  const expected = [
    '划定热区并封锁急诊通道', '联系市疾控中心报告', long, ...medium,
    '首批 6 名伤员完成洗消进入红区救治', '启动Ⅱ级响应，指挥部在行政楼三层开设',
  ];
  const context = await browser.newContext({ viewport: WALL });
  const page = await context.newPage();
  await page.clock.install();
  await page.goto(`${host.url}/wall`);
  const ticker = page.getByTestId('wall-ticker');
  await expect(ticker.getByTestId('ticker-item').first()).toBeVisible();
  // Paged by measured widths (until then it shows one item a page).
  await expect(ticker).toHaveAttribute('data-measured', 'true');
  await expect.poll(async () => Number(await ticker.getAttribute('data-pages'))).toBeGreaterThan(1);
  // The clock stands still from here, so each page is read before the next turn.
  await page.clock.pauseAt(Date.now() + 2_000);
  const pages = Number(await ticker.getAttribute('data-pages'));
  const start = Number(await ticker.getAttribute('data-page'));
  // Whole items share a page: fewer pages than items.
  expect(pages).toBeLessThan(expected.length);
  const seen = new Set<string>();
  for (let n = 0; n < pages; n++) {
    await expect(ticker).toHaveAttribute('data-page', String((start + n) % pages));
    const items = await ticker.evaluate((line) => {
      const box = line.getBoundingClientRect();
      return [...line.querySelectorAll<HTMLElement>('[data-testid="ticker-item"]')].map((item) => {
        const text = item.querySelector('.ticker-text');
        const r = item.getBoundingClientRect();
        return {
          text: text?.textContent ?? '',
          inside: r.left >= box.left - 1 && r.right <= box.right + 1 && r.top >= box.top - 1 && r.bottom <= box.bottom + 1,
          clipped: item.scrollWidth > item.clientWidth + 1 || (text instanceof HTMLElement && text.scrollWidth > text.clientWidth + 1),
        };
      });
    });
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      // The DOM holds the message whole, and all of it is inside the ticker's box: nothing cut off or ellipsed.
      expect(expected).toContain(item.text);
      expect(item.inside, item.text).toBe(true);
      expect(item.clipped, item.text).toBe(false);
      seen.add(item.text);
    }
    if (n === 0) await page.screenshot({ path: 'test-results/screens/wall-ticker-1080p-zh-CN.png' });
    await page.clock.runFor(8_000);
  }
  expect([...seen].sort()).toEqual([...expected].sort());
  await context.close();
});

for (const language of ['zh-CN', 'en'] as const) {
  test(`the wall layout's checkboxes in ${language} sit level with their words and toggle from them`, async ({ browser, host }) => {
    await withApi(host.url, (client) => client.call('settings.update', { language }));
    const context = await browser.newContext({ viewport: WALL });
    const page = await context.newPage();
    await page.goto(`${host.url}/settings`);
    const first = page.getByTestId('wall-setup').getByRole('group', { name: language === 'en' ? 'Page 1' : '第 1 页' });
    const mapName = language === 'en' ? 'Incident map' : '事件地图';
    const box = first.getByLabel(mapName, { exact: true });
    await expect(box).toBeChecked();
    await first.getByText(mapName, { exact: true }).click();
    await expect(box).not.toBeChecked();
    await first.getByText(mapName, { exact: true }).click();
    await expect(box).toBeChecked();
    const rows = await first.locator('label').evaluateAll((labels) =>
      labels.map((label) => {
        const input = label.querySelector('input')?.getBoundingClientRect();
        const words = label.querySelector('span')?.getBoundingClientRect();
        return { text: label.textContent, input: input && { x: input.x, right: input.right, mid: input.y + input.height / 2 }, words: words && { x: words.x, mid: words.y + words.height / 2 } };
      }),
    );
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) {
      if (!row.input || !row.words) throw new Error(`no input or words in ${row.text}`);
      // On one line, box first, centres level within a few pixels.
      expect(Math.abs(row.input.mid - row.words.mid), row.text ?? '').toBeLessThanOrEqual(3);
      expect(row.words.x, row.text ?? '').toBeGreaterThan(row.input.right);
    }
    await page.screenshot({ path: `test-results/screens/settings-wall-layout-${language}.png` });
    await context.close();
  });
}
