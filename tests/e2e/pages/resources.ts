import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';
import Papa from 'papaparse';

type BedFigure = 'staffed' | 'occupied' | 'surge';

/** A file the page handed to the browser's download: its name, its bytes and text, and its CSV records. */
export type ExportedCsv = { name: string; bytes: Buffer; text: string; records: string[][] };

/** The resources page as a logistics officer uses it. */
export class ResourcesPage {
  readonly grid: Locator;
  readonly importErrors: Locator;
  /** Every bed line shown in the beds grid. */
  readonly bedLines: Locator;
  /** The desk's sync state (`data-state`) and its count of changes not yet on the server. */
  readonly status: Locator;
  readonly pending: Locator;

  constructor(readonly page: Page) {
    this.grid = page.getByTestId('stock-grid');
    this.importErrors = page.getByTestId('import-errors');
    this.bedLines = page.getByTestId('beds-grid').locator('.ag-row[row-index]');
    this.status = page.getByTestId('status-area');
    this.pending = page.getByTestId('pending-count');
  }

  async open(url: string): Promise<void> {
    await this.page.goto(new URL('/resources', url).toString());
    await expect(this.status).toHaveAttribute('data-state', /^(standalone|offline|connecting|online)$/);
  }

  tab(name: 'stock' | 'catalogue' | 'beds' | 'requests'): Promise<void> {
    return this.page.getByTestId(`tab-${name}`).click();
  }

  async importCsv(name: string, csv: string): Promise<void> {
    await this.page.getByTestId('stock-import-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  }

  /** The count in the grid's pinned totals row (holdings after filtering). */
  totalsRow(): Locator {
    return this.grid.locator('.ag-row.stock-total-row');
  }

  async importBedCsv(name: string, csv: string | Buffer): Promise<void> {
    await this.page.getByTestId('bed-import-file').setInputFiles({ name, mimeType: 'text/csv', buffer: typeof csv === 'string' ? Buffer.from(csv) : csv });
  }

  /** Sorts the beds grid by one column (ascending: one click on its header); the grid remembers it per user. */
  async sortBedsBy(column: 'unit' | 'staffed' | 'occupied' | 'available' | 'surge'): Promise<void> {
    await this.page.getByTestId('beds-grid').locator(`.ag-header-cell[col-id="${column}"] .ag-header-cell-label`).click();
  }

  /** Adds a bed line from the form under the grid and waits for it to appear in the grid. */
  async addBedLine(unit: string, type: string): Promise<void> {
    await this.page.getByTestId('bed-unit').fill(unit);
    await this.page.getByTestId('bed-type').selectOption(type);
    await this.page.getByTestId('bed-add').click();
    await expect(this.bedCell(unit, 'unit')).toBeVisible();
  }

  /** One figure of a bed line in the beds grid; the line is the one whose unit is exactly `unit`. */
  bedCell(unit: string, column: 'unit' | 'staffed' | 'occupied' | 'available' | 'surge' | 'type'): Locator {
    const unitCell = this.page.locator('[col-id="unit"]').getByText(unit, { exact: true });
    return this.bedLines.filter({ has: unitCell }).first().locator(`[col-id="${column}"]`);
  }

  /** Waits until a bed line shows these figures (each cell polled, so figures from another desk may still be on their way). */
  async expectBedLine(unit: string, figures: Partial<Record<BedFigure | 'available', number>>, options: { timeout?: number } = {}): Promise<void> {
    for (const [column, value] of Object.entries(figures) as [BedFigure | 'available', number][]) {
      await expect(this.bedCell(unit, column), `${unit} ${column}`).toHaveText(String(value), options);
    }
  }

  /** The open editor of a bed cell (there is one only while the user is typing in it). */
  bedEditor(unit: string, column: BedFigure): Locator {
    return this.bedCell(unit, column).locator('input');
  }

  /** Clicks a bed cell and types into its editor without committing: the user is still deciding. */
  async typeInBed(unit: string, column: BedFigure, value: string): Promise<Locator> {
    await this.bedCell(unit, column).click();
    const editor = this.bedEditor(unit, column);
    await expect(editor).toBeVisible();
    await editor.fill(value);
    return editor;
  }

  /** Types a figure into a bed cell as a user does: click to edit, type, Enter. */
  async editBed(unit: string, column: BedFigure, value: string): Promise<void> {
    const editor = await this.typeInBed(unit, column, value);
    await editor.press('Enter');
  }

  /** The facility summary tile of one HAvBED type (available beds in large type, then staffed · occupied · surge). */
  bedTile(type: string): Locator {
    return this.page.getByTestId('bed-summary').locator(`[data-bed-type="${type}"]`);
  }

  /** The large figure of a summary tile: beds available of that type across the facility. */
  bedTileAvailable(type: string): Locator {
    return this.bedTile(type).locator('.bed-tile-available');
  }

  /** Clicks one of the CSV export buttons and reads the file the browser receives. */
  async exportCsv(which: 'beds' | 'stores' | 'stock'): Promise<ExportedCsv> {
    const download = this.page.waitForEvent('download');
    await this.page.getByTestId(`${which}-export`).click();
    const file = await download;
    const bytes = await readFile(await file.path());
    const text = bytes.toString('utf8');
    // AG Grid starts its files with a byte-order mark (spreadsheets then read UTF-8); it is not part of the header.
    const records = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    return { name: file.suggestedFilename(), bytes, text, records };
  }

  row(item: string, store: string): Locator {
    return this.grid.locator('.ag-row[row-index]:not(.stock-total-row)').filter({ hasText: item }).filter({ hasText: store }).first();
  }

  async search(text: string): Promise<void> {
    await this.page.getByRole('searchbox').fill(text);
  }
}

/** A stock file of `items` items held in each of `stores` stores. */
export function stockCsv(items: number, stores: number): string {
  const categories = ['ppe', 'drugs', 'tcm', 'oxygen', 'blood', 'ventilators', 'equipment', 'food_water'];
  const lines = ['item,category,unit,store,qty,par,yellowAt,redAt'];
  for (let i = 0; i < items; i++) {
    for (let s = 0; s < stores; s++) {
      lines.push(`Item ${String(i).padStart(3, '0')},${categories[i % categories.length]},box,Store ${s + 1},${(i * 7 + s * 13) % 120},100,40,10`);
    }
  }
  return lines.join('\n');
}
