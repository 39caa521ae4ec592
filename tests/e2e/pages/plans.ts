import { expect, type Locator, type Page } from '@playwright/test';

/** The plans page and the board's checklist panel as a user sees them; the spec talks to this, not to selectors. */
export class PlansPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('nav-plans').click();
    await expect(this.page.getByTestId('plan-library')).toBeVisible();
  }

  row(code: string): Locator {
    return this.page.locator(`[data-testid="plan-row"][data-code="${code}"]`);
  }

  /** Loads an example plan from the library, then submits and approves it under the approver's name. */
  async loadAndApprove(example: 'mass_casualty' | 'respiratory_infection', approver: string, nameLabel: string): Promise<void> {
    await this.page.getByTestId(`load-example-${example}`).click();
    const detail = this.page.getByTestId('plan-detail');
    await detail.getByTestId('plan-submit').click();
    await detail.getByLabel(nameLabel).fill(approver);
    await detail.getByTestId('plan-approve').click();
    await expect(detail.getByTestId('plan-approval')).toContainText(approver);
  }

  async activateOnCurrentIncident(): Promise<void> {
    const detail = this.page.getByTestId('plan-detail');
    await detail.getByTestId('plan-activate').click();
    await expect(detail.getByTestId('plan-active')).toBeVisible();
  }

  checklist(positionId: string): Locator {
    return this.page.locator(`[data-testid="position-checklist"][data-position="${positionId}"]`);
  }

  item(positionId: string, itemId: string): Locator {
    return this.checklist(positionId).locator(`[data-testid="checklist-item"][data-item="${itemId}"]`);
  }
}
