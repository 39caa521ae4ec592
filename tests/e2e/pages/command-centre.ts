import { expect, type Locator, type Page } from '@playwright/test';

/** The operator's shell as a user sees it; specs talk to this, not to selectors. */
export class CommandCentre {
  readonly header: Locator;
  readonly incidentName: Locator;
  readonly status: Locator;
  readonly declareForm: Locator;

  constructor(readonly page: Page) {
    this.header = page.getByTestId('incident-header');
    this.incidentName = page.getByTestId('incident-name');
    this.status = page.getByTestId('status-area');
    this.declareForm = page.getByTestId('declare-form');
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.waitUntilConnected();
  }

  /** Loaded once the status line reports the workstation's own sync state rather than the socket's. */
  async waitUntilConnected(): Promise<void> {
    await expect(this.status).toHaveAttribute('data-state', /^(standalone|offline|connecting|online)$/);
  }

  async switchLanguage(): Promise<void> {
    await this.page.getByTestId('language-toggle').click();
  }

  async declareIncident(input: { name: string; type: string; level: string; location: string }): Promise<void> {
    const form = this.declareForm;
    await form.locator('input[name="name"]').fill(input.name);
    await form.locator('select[name="type"]').selectOption(input.type);
    await form.locator('select[name="level"]').selectOption(input.level);
    await form.locator('input[name="location"]').fill(input.location);
    await form.locator('button[type="submit"]').click();
  }

  async changeLevel(level: string, reason: string): Promise<void> {
    const controls = this.page.getByTestId('incident-controls');
    await controls.locator('select[name="newLevel"]').selectOption(level);
    await controls.locator('input[name="reason"]').fill(reason);
    await controls.locator('form').nth(1).locator('button[type="submit"]').click();
  }

  /** Makes the named incident this workstation's current one (no-op when it already is). */
  async makeCurrent(name: string): Promise<void> {
    const row = this.page.getByTestId('incident-list').locator('tr', { hasText: name });
    const button = row.getByRole('button');
    if ((await button.count()) > 0) await button.click();
    await expect(this.incidentName).toHaveText(name);
  }

  levelBadge(): Locator {
    return this.header.locator('.level-badge');
  }
}
