import { describe, expect, it } from 'vitest';
import { commandPostIncident, deskIncident } from '../../../src/domain/incidents/command-post';
import type { Incident } from '../../../src/domain/incidents/incident';
import { runMutation } from '../../../src/domain/mutators';
import { makeActor, makeContext } from '../../fixtures/actors';
import { makeMemoryTx } from '../../fixtures/memory-tx';
import { makeIncidentArgs } from '../../fixtures/workstation';

const MIN = 60_000;

async function twoIncidents() {
  const tx = makeMemoryTx();
  const ctx = makeContext();
  const first = makeIncidentArgs({ name: 'Bus crash' });
  const second = makeIncidentArgs({ name: 'Chlorine leak' });
  await runMutation(tx, 'incident.declare', first, ctx);
  await runMutation(tx, 'incident.declare', second, { ...ctx, at: ctx.at + MIN });
  const all = async (): Promise<Incident[]> => tx.query('incident', ctx.space);
  return { tx, ctx, first, second, all };
}

describe('the command post’s current incident (drill fix 13)', () => {
  it('is the incident declared last, until the command post marks another', async () => {
    const { tx, ctx, first, second, all } = await twoIncidents();
    expect(commandPostIncident(await all())?.id).toBe(second.id);
    await runMutation(tx, 'incident.markCurrent', { id: first.id }, { ...ctx, at: ctx.at + 2 * MIN });
    expect(commandPostIncident(await all())?.id).toBe(first.id);
  });

  it('is the incident marked last even when an earlier mark came from a desk whose clock ran a day ahead', async () => {
    const { tx, ctx, first, second, all } = await twoIncidents();
    const DAY = 24 * 60 * MIN;
    await runMutation(tx, 'incident.markCurrent', { id: first.id }, { ...ctx, at: ctx.at + DAY });
    expect(commandPostIncident(await all())?.id).toBe(first.id);
    // The command post, on an honest clock, picks the other incident: every following desk moves with it.
    await runMutation(tx, 'incident.markCurrent', { id: second.id }, { ...ctx, at: ctx.at + 3 * MIN });
    expect(commandPostIncident(await all())?.id).toBe(second.id);
    // A new declaration on the honest clock is current too.
    const third = makeIncidentArgs({ name: 'Power cut' });
    await runMutation(tx, 'incident.declare', third, { ...ctx, at: ctx.at + 4 * MIN });
    expect(commandPostIncident(await all())?.id).toBe(third.id);
  });

  it('is marked only by command: an operator’s pick stays on their own desk', async () => {
    const { tx, ctx, first } = await twoIncidents();
    const asOperator = { ...ctx, actor: makeActor('operator'), at: ctx.at + 2 * MIN };
    await expect(runMutation(tx, 'incident.markCurrent', { id: first.id }, asOperator)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('is never a closed incident', async () => {
    const { tx, ctx, first, second, all } = await twoIncidents();
    await runMutation(tx, 'incident.close', { id: second.id, reason: 'all clear' }, { ...ctx, at: ctx.at + 2 * MIN });
    expect(commandPostIncident(await all())?.id).toBe(first.id);
    await expect(runMutation(tx, 'incident.markCurrent', { id: second.id }, { ...ctx, at: ctx.at + 3 * MIN })).rejects.toMatchObject({ code: 'incident_closed' });
  });

  it('is what a following desk shows; a desk whose user picked another shows that pick', async () => {
    const { first, second, all } = await twoIncidents();
    const incidents = await all();
    expect(deskIncident(incidents, { currentIncidentId: first.id })?.id).toBe(second.id);
    expect(deskIncident(incidents, { currentIncidentId: first.id, followCommandPost: true })?.id).toBe(second.id);
    expect(deskIncident(incidents, { currentIncidentId: first.id, followCommandPost: false })?.id).toBe(first.id);
    // Rows from before the mark: a following desk shows its own pick.
    const unmarked = incidents.map(({ markedCurrentAt: _dropped, ...rest }) => rest);
    expect(deskIncident(unmarked, { currentIncidentId: first.id })?.id).toBe(first.id);
  });
});
