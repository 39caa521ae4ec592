import { expect, type Locator, type Page } from '@playwright/test';

/** The early-warning page (预警) as a duty officer uses it. */
export class WarningPage {
  readonly indicators: Locator;
  readonly alerts: Locator;
  readonly detail: Locator;
  readonly entry: Locator;
  readonly importBox: Locator;

  constructor(readonly page: Page) {
    this.indicators = page.getByTestId('warning-indicator');
    this.alerts = page.getByTestId('warning-alert');
    this.detail = page.getByTestId('warning-alert-detail');
    this.entry = page.getByTestId('observation-entry');
    this.importBox = page.getByTestId('observation-import');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('nav-warning').click();
    await expect(this.page.getByTestId('warning-tab-signals')).toBeVisible();
  }

  tab(name: 'signals' | 'setup'): Promise<void> {
    return this.page.getByTestId(`warning-tab-${name}`).click();
  }

  indicator(name: string): Locator {
    return this.indicators.filter({ hasText: name });
  }

  /** Sets up an indicator from the setup tab with the method's default parameters. */
  async defineIndicator(
    input: { name: string; source: string; method: string; group: string; unit: string; frequency?: 'daily' | 'weekly' },
    labels: { name: string; source: string; method: string; group: string; unit: string; submit: string; frequency?: string },
  ): Promise<void> {
    await this.tab('setup');
    const editor = this.page.getByTestId('indicator-editor');
    await editor.getByLabel(labels.name, { exact: true }).fill(input.name);
    await editor.getByRole('combobox', { name: labels.source, exact: true }).selectOption(input.source);
    await editor.getByLabel(labels.unit, { exact: true }).fill(input.unit);
    if (input.frequency && labels.frequency) await editor.getByRole('combobox', { name: labels.frequency, exact: true }).selectOption(input.frequency);
    await editor.getByRole('combobox', { name: labels.method, exact: true }).selectOption(input.method);
    await editor.getByLabel(labels.group, { exact: true }).fill(input.group);
    await editor.getByRole('button', { name: labels.submit }).click();
    await expect(editor.getByRole('status')).toBeVisible();
    await this.tab('signals');
  }

  async importCsv(csv: string): Promise<void> {
    await this.page.getByTestId('observation-import-file').setInputFiles({ name: 'ed-syndrome.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  }

  async enter(date: string, value: number): Promise<void> {
    await this.entry.locator('input[name="date"]').fill(date);
    await this.entry.locator('input[name="value"]').fill(String(value));
    await this.entry.getByRole('button').first().click();
  }

  /** The one alert of a syndrome group, opened in detail. */
  async openAlert(group: string): Promise<Locator> {
    const row = this.alerts.filter({ hasText: group });
    if ((await row.getAttribute('aria-pressed')) !== 'true') await row.click();
    await expect(this.detail).toBeVisible();
    return row;
  }
}
