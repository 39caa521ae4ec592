import { expect, type Locator, type Page } from '@playwright/test';

/** The roster page as a planner uses it; specs talk to this, not to selectors. */
export class RosterScreen {
  readonly grid: Locator;
  readonly preview: Locator;

  constructor(readonly page: Page) {
    this.grid = page.getByTestId('roster-grid');
    this.preview = page.getByTestId('roster-preview');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('nav-roster').click();
    await expect(this.page.getByTestId('roster-page')).toBeVisible();
  }

  async tab(name: 'roster' | 'coverage' | 'pool' | 'staff' | 'setup'): Promise<void> {
    await this.page.locator(`.roster-tabs [data-tab="${name}"]`).click();
  }

  async importCsv(name: string, text: string): Promise<void> {
    await this.tab('staff');
    await this.page.getByTestId('staff-import-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
  }

  async choose(unit: string, role = 'nurse', pattern: '2x12' | '3x8' | 'custom' = '2x12'): Promise<void> {
    await this.tab('roster');
    await this.page.getByTestId('roster-unit').selectOption(unit);
    await this.page.getByTestId('roster-role').selectOption(role);
    await this.page.getByTestId('roster-pattern').selectOption(pattern);
  }

  async setMinimum(shiftCode: string, count: number): Promise<void> {
    const form = this.page.getByTestId('roster-min-form');
    await form.locator('select').selectOption(shiftCode);
    await form.locator('input[type="number"]').fill(String(count));
    await form.locator('button[type="submit"]').click();
  }

  /** Defines (or redefines) a custom shift on the shifts-and-rules tab. */
  async defineShift(code: string, start: string, hours: number): Promise<void> {
    await this.tab('setup');
    const form = this.page.getByTestId('shift-form');
    await form.locator('input[name="code"]').fill(code);
    await form.locator('input[name="start"]').fill(start);
    await form.locator('input[name="hours"]').fill(String(hours));
    await form.locator('button[type="submit"]').click();
    await expect(this.page.getByTestId('shift-templates').locator(`tr[data-code="${code}"]`)).toBeVisible();
  }

  /** Changes fatigue limits (command roles only) on the shifts-and-rules tab; fields left out keep their values. */
  async setRules(rules: { maxConsecutiveHours?: number; minRestHours?: number; maxWeeklyHours?: number }): Promise<void> {
    await this.tab('setup');
    const form = this.page.getByTestId('rules-form');
    for (const [name, value] of Object.entries(rules)) await form.locator(`input[name="${name}"]`).fill(String(value));
    await form.locator('button[type="submit"]').click();
  }

  currentRule(name: 'maxConsecutiveHours' | 'minRestHours' | 'maxWeeklyHours'): Locator {
    return this.page.getByTestId('rules-current').locator(`[data-rule="${name}"] dd`);
  }

  cell(row: number, col: number): Locator {
    return this.grid.locator(`[data-cell="${row}:${col}"]`);
  }

  rowOf(staffNo: string): Promise<number> {
    return this.grid.locator('[role="rowheader"]').evaluateAll((els, no) => els.findIndex((e) => e.getAttribute('data-staff') === no), staffNo);
  }

  column(key: string): Locator {
    return this.grid.locator(`[data-column="${key}"]`);
  }

  /** Rosters (or removes) by keyboard: focus the cell, press Enter. */
  async toggleByKeyboard(row: number, col: number): Promise<void> {
    await this.cell(row, col).focus();
    await this.page.keyboard.press('Enter');
  }

  /** Drags a person from the palette onto a cell of a shift column. */
  async dragFromPalette(staffNo: string, row: number, col: number): Promise<void> {
    const source = this.page.locator(`.roster-palette-item[data-staff="${staffNo}"]`);
    const target = this.cell(row, col);
    await target.scrollIntoViewIfNeeded();
    await source.scrollIntoViewIfNeeded();
    const from = await source.boundingBox();
    if (!from) throw new Error('drag source not visible');
    await this.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 5, { steps: 3 });
    // Measure the target only now, while dragging: on a busy machine the grid may have re-rendered or scrolled.
    const to = await target.boundingBox();
    if (!to) throw new Error('drag target not visible');
    await this.page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 10 });
    // Drop only once dnd-kit shows the cell as the drop target, nudging the pointer as a hand would; on a busy
    // machine its collision check can lag the pointer by a few events.
    for (let nudge = 1; nudge <= 10 && !/rg-over/.test((await target.getAttribute('class')) ?? ''); nudge++) {
      await this.page.mouse.move(to.x + to.width / 2 + (nudge % 2), to.y + to.height / 2 + (nudge % 3));
    }
    await this.page.mouse.up();
  }
}
