import { expect, type Locator, type Page } from '@playwright/test';

/** The resources page as a logistics officer uses it. */
export class ResourcesPage {
  readonly grid: Locator;
  readonly importErrors: Locator;

  constructor(readonly page: Page) {
    this.grid = page.getByTestId('stock-grid');
    this.importErrors = page.getByTestId('import-errors');
  }

  async open(url: string): Promise<void> {
    await this.page.goto(new URL('/resources', url).toString());
    await expect(this.page.getByTestId('status-area')).toHaveAttribute('data-state', /^(standalone|offline|connecting|online)$/);
  }

  tab(name: 'stock' | 'beds' | 'requests'): Promise<void> {
    return this.page.getByTestId(`tab-${name}`).click();
  }

  async importCsv(name: string, csv: string): Promise<void> {
    await this.page.getByTestId('stock-import-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  }

  /** The count in the grid's pinned totals row (holdings after filtering). */
  totalsRow(): Locator {
    return this.grid.locator('.ag-row.stock-total-row');
  }

  async importBedCsv(name: string, csv: string): Promise<void> {
    await this.page.getByTestId('bed-import-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  }

  /** One figure of a bed line in the beds grid. */
  bedCell(unit: string, column: 'staffed' | 'occupied' | 'available' | 'surge' | 'type'): Locator {
    return this.page.getByTestId('beds-grid').locator('.ag-row[row-index]').filter({ hasText: unit }).first().locator(`[col-id="${column}"]`);
  }

  /** Types a figure into a bed cell as a user does: click to edit, type, Enter. */
  async editBed(unit: string, column: 'staffed' | 'occupied' | 'surge', value: string): Promise<void> {
    await this.bedCell(unit, column).click();
    const editor = this.bedCell(unit, column).locator('input');
    await editor.fill(value);
    await editor.press('Enter');
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
