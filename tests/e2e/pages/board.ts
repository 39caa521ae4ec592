import { expect, type Locator, type Page } from '@playwright/test';

/** The commander's board as a user sees it; the spec talks to this, not to selectors. */
export class BoardPage {
  constructor(readonly page: Page) {}

  tab(name: 'tasks' | 'org' | 'log' | 'timeline' | 'recovery'): Locator {
    return this.page.getByTestId(`tab-${name}`);
  }

  column(status: 'todo' | 'in_progress' | 'blocked' | 'done'): Locator {
    return this.page.getByTestId(`column-${status}`);
  }

  card(title: string): Locator {
    return this.page.getByTestId('task-card').filter({ hasText: title });
  }

  /** The badge a card carries while it has a status conflict this user has not dismissed (found by its label). */
  conflictBadge(title: string, label: string | RegExp): Locator {
    return this.card(title).getByRole('img', { name: label });
  }

  /** Opens a card's editor by clicking it, as a user does. */
  async openCard(title: string): Promise<Locator> {
    await this.card(title).click();
    const editor = this.page.getByTestId('task-editor');
    await expect(editor).toBeVisible();
    return editor;
  }

  position(id: string): Locator {
    return this.page.locator(`[data-testid="position"][data-position-id="${id}"]`);
  }

  async assign(positionId: string, person: string): Promise<void> {
    await this.tab('org').click();
    const box = this.position(positionId);
    await box.getByTestId('assign').click();
    await box.locator('input[name="person"]').fill(person);
    await box.locator('button[type="submit"]').click();
    await expect(box).toContainText(person);
  }

  /** Closes the job action sheet offer that follows activating a position, creating its tasks or not. */
  async answerJasOffer(create: boolean): Promise<void> {
    const offer = this.page.getByTestId('jas-offer');
    await expect(offer).toBeVisible();
    if (create) await offer.getByTestId('jas-create').click();
    else await offer.getByRole('button').last().click();
    await expect(offer).toHaveCount(0);
  }

  async addObjective(text: string): Promise<void> {
    await this.tab('tasks').click();
    const panel = this.page.getByTestId('objectives');
    await panel.locator('input[name="objectiveText"]').fill(text);
    await panel.locator('button[type="submit"]').click();
    await expect(panel).toContainText(text);
  }

  /** Creates a task from the keyboard: `t` opens the editor. */
  async createTask(input: { title: string; section?: string; assignee?: string; priority?: string; objective?: string; due?: string }): Promise<void> {
    await this.tab('tasks').click();
    await this.page.locator('body').press('t');
    const editor = this.page.getByTestId('task-editor');
    await expect(editor).toBeVisible();
    await editor.locator('input[name="title"]').fill(input.title);
    if (input.section) await editor.locator('select[name="section"]').selectOption(input.section);
    if (input.assignee) await editor.locator('select[name="assignee"]').selectOption(input.assignee);
    if (input.priority) await editor.locator('select[name="priority"]').selectOption(input.priority);
    if (input.objective) await editor.locator('select[name="objective"]').selectOption({ label: input.objective });
    if (input.due) await editor.locator('input[name="due"]').fill(input.due);
    await editor.locator('button[type="submit"]').click();
    await expect(editor).toHaveCount(0);
    await expect(this.card(input.title)).toBeVisible();
  }

  /** Moves a card with the keyboard: focus it, then Shift+arrow. */
  async moveWithKeys(title: string, key: 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown'): Promise<void> {
    const card = this.card(title);
    await card.focus();
    await card.press(`Shift+${key}`);
  }

  async dragTo(title: string, status: 'todo' | 'in_progress' | 'blocked' | 'done'): Promise<void> {
    const card = this.card(title);
    const target = this.column(status).locator('.column-cards');
    await card.scrollIntoViewIfNeeded();
    const from = await card.boundingBox();
    const to = await target.boundingBox();
    if (!from || !to) throw new Error('card or column not visible');
    await this.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 10, { steps: 3 });
    await this.page.mouse.move(to.x + to.width / 2, to.y + to.height - 20, { steps: 10 });
    await this.page.mouse.up();
  }

  deadline(title: string): Locator {
    return this.page.getByTestId('deadline').filter({ hasText: title });
  }

  /** Adds a reporting deadline from the task board's side panel; `due` is a datetime-local value in the hospital's zone. */
  async addDeadline(input: { title: string; due: string; to: string }): Promise<void> {
    await this.tab('tasks').click();
    const form = this.page.getByTestId('deadline-form');
    await form.locator('input[name="deadlineTitle"]').fill(input.title);
    await form.locator('input[name="deadlineDue"]').fill(input.due);
    await form.locator('input[name="deadlineTo"]').fill(input.to);
    await form.locator('button[type="submit"]').click();
    await expect(this.deadline(input.title)).toBeVisible();
  }

  async log(text: string, positionId?: string): Promise<void> {
    await this.tab('log').click();
    const panel = this.page.getByTestId('activity-log');
    if (positionId) await panel.locator('select[name="logPosition"]').selectOption(positionId);
    await panel.locator('textarea[name="logText"]').fill(text);
    await panel.locator('form button[type="submit"]').click();
    await expect(panel.getByTestId('log-entry').filter({ hasText: text })).toBeVisible();
  }

  async sendMessage(input: { to: string; from: string; subject: string; message: string }): Promise<void> {
    await this.tab('log').click();
    const panel = this.page.getByTestId('messages');
    const form = panel.locator('form').first();
    await form.locator('input[name="message-to"]').fill(input.to);
    await form.locator('input[name="message-from"]').fill(input.from);
    await form.locator('input[name="message-subject"]').fill(input.subject);
    await form.locator('textarea[name="message-body"]').fill(input.message);
    await form.locator('button[type="submit"]').click();
    await expect(panel.getByTestId('message').filter({ hasText: input.subject })).toBeVisible();
  }
}
