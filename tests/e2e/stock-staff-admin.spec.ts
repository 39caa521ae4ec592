import { CommandCentre } from './pages/command-centre';
import { ResourcesPage } from './pages/resources';
import { RosterScreen } from './pages/roster';
import { expect, test } from './fixtures/test';

test('a fresh install gets its stock items, stores and staff through the UI, retires an item, and checks in a walk-in; refusals name no schema field', async ({ page, host }) => {
  test.setTimeout(120_000);
  const centre = new CommandCentre(page);
  const resources = new ResourcesPage(page);
  await resources.open(host.url);
  await centre.switchLanguage();

  // The catalogue: one item and one store, added by hand.
  await resources.tab('catalogue');
  const newItem = page.getByRole('form', { name: 'New stock item' });
  await newItem.getByLabel('Item').fill('N95 mask');
  await newItem.getByLabel('Unit').fill('box');
  await newItem.getByLabel('Par').fill('50');
  await newItem.getByLabel('Yellow at').fill('20');
  await newItem.getByLabel('Red at').fill('10');
  await newItem.getByRole('button', { name: 'Add item' }).click();
  const items = page.getByRole('table', { name: 'Stock items' });
  await expect(items.getByRole('row', { name: /N95 mask/ })).toContainText('In use');
  const newStore = page.getByRole('form', { name: 'New store' });
  await newStore.getByLabel('Store').fill('ED store');
  await newStore.getByLabel('Location').fill('Ground floor');
  await newStore.getByRole('button', { name: 'Add store' }).click();
  await expect(page.getByRole('table', { name: 'Stores' }).getByRole('row', { name: /ED store/ })).toContainText('Ground floor');
  // A second store of the same name is refused with the name, not a code.
  await newStore.getByLabel('Store').fill('ED store');
  await newStore.getByRole('button', { name: 'Add store' }).click();
  await expect(page.locator('[data-error-code="name_taken"]')).toContainText('The name ED store is already in use');
  await page.screenshot({ path: 'test-results/screens/stock-catalogue-en.png' });

  // Receive into them from the stock tab.
  await resources.tab('stock');
  const receive = page.getByRole('region', { name: 'Receive stock' });
  await receive.getByLabel('Item').selectOption('N95 mask');
  await receive.getByLabel('Store').selectOption('ED store');
  await receive.getByLabel('Quantity received').fill('30');
  await receive.getByRole('button', { name: 'Receive' }).click();
  await expect(resources.grid.locator('.ag-row', { hasText: 'N95 mask' })).toContainText('30');

  // Retired: still listed with its stock, no longer offered for a receipt.
  await resources.tab('catalogue');
  await items.getByRole('button', { name: 'Retire N95 mask' }).click();
  await expect(items.getByRole('row', { name: /N95 mask/ })).toContainText('Retired');
  await resources.tab('stock');
  await expect(receive.getByLabel('Item').locator('option', { hasText: 'N95 mask' })).toHaveCount(0);
  await expect(resources.grid.locator('.ag-row', { hasText: 'N95 mask' })).toContainText('30');

  // A person added in the directory.
  const roster = new RosterScreen(page);
  await roster.open();
  await roster.tab('staff');
  const addPerson = page.getByRole('form', { name: 'Add a person' });
  await addPerson.getByLabel('Staff no.').fill('W001');
  await addPerson.getByLabel('Name').fill('Wang Fang');
  await addPerson.getByLabel('Profession').selectOption('nurse');
  await addPerson.getByLabel('Department').fill('Emergency');
  await addPerson.getByLabel('Home unit').fill('ED');
  await addPerson.getByRole('button', { name: 'Add to directory' }).click();
  const wang = page.locator('.roster-staff-grid .ag-row', { hasText: 'Wang Fang' });
  await expect(wang).toContainText('W001');
  // Edited, then retired: still in the directory, marked as such.
  await wang.getByText('Wang Fang').click();
  const edit = page.getByRole('form', { name: 'Edit Wang Fang' });
  await edit.getByLabel('Home unit').fill('ICU');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(wang).toContainText('ICU');
  await wang.getByText('Wang Fang').click();
  await edit.getByRole('button', { name: 'Retire' }).click();
  await expect(wang).toContainText('Retired');
  await page.screenshot({ path: 'test-results/screens/staff-form-en.png' });

  // A walk-in at the labour pool: added and checked in at once.
  await page.getByTestId('nav-board').click();
  await centre.declareIncident({ name: 'Bus crash', type: 'mass_casualty', level: 'II', location: 'ED' });
  await expect(centre.incidentName).toHaveText('Bus crash');
  await roster.open();
  await roster.tab('pool');
  const walkIn = page.getByRole('form', { name: 'Walk-in' });
  await walkIn.getByLabel('Name').fill('Zhao Lei');
  await walkIn.getByLabel('Staff no.').fill('A-17');
  await walkIn.getByLabel('Profession').selectOption('physician');
  await walkIn.getByLabel('Home unit').fill('ED');
  await walkIn.getByRole('button', { name: 'Add and check in' }).click();
  await expect(page.getByTestId('pool-table').locator('tr[data-staff="A-17"]')).toContainText('Zhao Lei');
  // A retired person is not checked in.
  await page.getByTestId('pool-who').fill('W001');
  await page.getByTestId('pool-who').press('Enter');
  await expect(page.locator('[data-error-code="retired"]')).toContainText('Wang Fang is retired');

  // Refusals: a staff number someone holds, and one too long, each worded with the form's labels.
  await walkIn.getByLabel('Name').fill('Chen Jie');
  await walkIn.getByLabel('Staff no.').fill('W001');
  await walkIn.getByLabel('Home unit').fill('ED');
  await walkIn.getByRole('button', { name: 'Add and check in' }).click();
  await expect(page.locator('[data-error-code="staff_no_taken"]')).toContainText('Staff number W001 already belongs to Wang Fang');
  await walkIn.getByLabel('Staff no.').fill('X'.repeat(40));
  await walkIn.getByRole('button', { name: 'Add and check in' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'Check:' });
  await expect(refusal).toContainText('Staff no.');
  await expect(refusal).not.toContainText('staffNo');
  await page.screenshot({ path: 'test-results/screens/walk-in-refusal-en.png' });
});
