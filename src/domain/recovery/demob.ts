import { z } from 'zod';
import { derivedId, IdSchema, SpaceIdSchema, StoredEpochMsSchema } from '../ids';

/**
 * The HICS 221 items a person is checked out on before release, beyond what the records already show (positions
 * released, labour pool check-out): the section chiefs' sign-offs of ICS 221, in the words the HICS 221 prints.
 */
export const CheckoutItemSchema = z.enum(['equipment_returned', 'handover_done', 'debrief_attended', 'wellbeing_offered', 'timesheet_confirmed', 'forms_handed_in']);
export type CheckoutItem = z.infer<typeof CheckoutItemSchema>;
export const checkoutItems = CheckoutItemSchema.options;

export const CheckoutTickSchema = z.object({ by: z.string(), at: StoredEpochMsSchema });
export type CheckoutTick = z.infer<typeof CheckoutTickSchema>;

/**
 * One person's demobilisation check-out (kind `demobCheckout`): the items ticked, by whom and when. The person is
 * named as the org chart and the labour pool name them (the HICS 221 matches people by name, hics-221.ts), so
 * there is one record per person and incident, whichever desk ticks first.
 */
export const DemobCheckoutSchema = z.object({
  id: IdSchema,
  space: SpaceIdSchema,
  incidentId: IdSchema,
  person: z.string().trim().min(1).max(200),
  items: z.partialRecord(CheckoutItemSchema, CheckoutTickSchema),
  updatedAt: StoredEpochMsSchema,
});
export type DemobCheckout = z.infer<typeof DemobCheckoutSchema>;

/** How people are matched by name across the org chart, the labour pool and check-outs. */
export function personKey(name: string): string {
  return name.trim().toLowerCase();
}

export function checkoutId(space: string, incidentId: string, person: string): string {
  return derivedId(space, 'demobCheckout', incidentId, personKey(person));
}

/** A person is checked out once every item is ticked: ICS 221 releases nobody with a box left open. */
export function isCheckedOut(checkout: Pick<DemobCheckout, 'items'> | undefined): boolean {
  return checkout !== undefined && checkoutItems.every((item) => checkout.items[item] !== undefined);
}

/** Check-out progress of the people to release: how many are done, and items ticked of all items. */
export function checkoutProgress(people: readonly string[], checkouts: readonly DemobCheckout[]): { people: number; done: number; ticked: number; items: number } {
  const byKey = new Map(checkouts.map((c) => [personKey(c.person), c]));
  const keys = [...new Set(people.map(personKey))];
  const ticked = keys.reduce((n, key) => n + Object.keys(byKey.get(key)?.items ?? {}).length, 0);
  return { people: keys.length, done: keys.filter((key) => isCheckedOut(byKey.get(key))).length, ticked, items: keys.length * checkoutItems.length };
}
