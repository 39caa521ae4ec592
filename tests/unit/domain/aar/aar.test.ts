import { describe, expect, it } from 'vitest';
import { newId } from '../../../../src/domain/ids';
import { runMutation } from '../../../../src/domain/mutators';
import { makeActor, makeContext } from '../../../fixtures/actors';
import { at, boardWorld, HOUR, MINUTE, T0 } from '../board-fixture';
import { closedIncidentWorld, planningChief } from './aar-fixture';

describe('drafting the after-action report at close', () => {
  it('is refused while the incident is still open, and drafted once it is closed although the log then refuses entries', async () => {
    const { incidentId, command, run } = await boardWorld();
    await expect(command('aar.draft', { incidentId }, at(10))).rejects.toMatchObject({ code: 'invalid_transition', params: { status: 'active' } });
    await command('incident.close', { id: incidentId, reason: 'Stood down' }, at(20));
    await expect(run('log.append', { id: newId(), incidentId, text: 'too late' }, at(21))).rejects.toMatchObject({ code: 'incident_closed' });
    await command('aar.draft', { incidentId }, at(22));
    await expect(command('aar.draft', { incidentId }, at(23))).rejects.toMatchObject({ code: 'already_exists' });
  });

  it('counts casualties by category and disposition, stock issued, open tasks and each clock met, late, missed or not due', async () => {
    const w = await closedIncidentWorld();
    await w.runAs('aar.draft', { incidentId: w.incidentId }, at(310), planningChief);
    const aar = await w.tx.get('aar', w.aarId);
    expect(aar?.data.closedAt).toBe(T0 + 300 * MINUTE);
    expect(aar?.data.casualties).toEqual({
      total: 6,
      byCategory: { immediate: 2, delayed: 1, minor: 3, expectant: 0, dead: 0 },
      byDisposition: { in_care: 0, admitted: 2, surgery: 1, discharged: 2, transferred: 0, morgue: 1 },
    });
    expect(aar?.data.resources).toEqual({
      requests: { total: 1, pending: 0, approved: 0, rejected: 0, partially_filled: 1, filled: 0 },
      issued: [{ item: 'O-neg blood', qty: 12 }],
    });
    expect(aar?.data.openTasks.map((t) => t.title)).toEqual(['Restock trauma bay']);
    const outcome = Object.fromEntries(aar?.data.deadlines.map((d) => [d.title, d.outcome]) ?? []);
    // The statutory 2-hour clock ran from discovery (06:00) and nobody recorded the report: missed.
    expect(outcome).toEqual({ health_authority_report: 'missed', 'District sitrep': 'met', 'Blood bank return': 'late', 'Final report': 'not_due' });
  });

  it('keeps the decisions and the incident’s own log in time order, not each position’s log', async () => {
    const w = await closedIncidentWorld();
    await w.command('aar.draft', { incidentId: w.incidentId }, at(310));
    const timeline = (await w.tx.get('aar', w.aarId))?.data.timeline ?? [];
    expect(timeline.map((e) => (e.type === 'log' ? e.text : e.type))).toEqual([
      'declared', 'First ambulances arrive', 'level_changed', 'Surge beds opened on 5 West', 'status_changed',
    ]);
    expect(timeline.at(-1)).toMatchObject({ type: 'status_changed', to: 'closed', reason: 'Last casualty dispositioned' });
  });

  it('re-counts the data on refresh and keeps the summary, strengths and areas for improvement', async () => {
    const w = await closedIncidentWorld();
    await w.command('aar.draft', { incidentId: w.incidentId }, at(310));
    const strength = newId();
    await w.command('aar.edit', { incidentId: w.incidentId, summary: 'Two buses, six casualties.', strengths: [{ id: strength, text: 'Triage at the door within 10 minutes' }] }, at(320));
    // Stock and requests belong to no incident: a fill after the close is Logistics' work, not the incident's.
    await w.command('request.fill', { id: w.requestId, stockId: (await w.tx.query('stock', 'demo-hospital'))[0]?.id ?? '', qty: 8 }, at(400));
    await w.command('aar.refresh', { incidentId: w.incidentId }, at(410));
    const aar = await w.tx.get('aar', w.aarId);
    expect(aar?.data.asOf).toBe(T0 + 410 * MINUTE);
    expect(aar?.data.resources.issued).toEqual([{ item: 'O-neg blood', qty: 12 }]);
    expect(aar?.data.resources.requests.filled).toBe(1);
    expect(aar).toMatchObject({ summary: 'Two buses, six casualties.', strengths: [{ id: strength, text: 'Triage at the door within 10 minutes' }] });
  });

  it('merges items two writers add, rewords an item by id, and refuses writers without aar.write', async () => {
    const w = await closedIncidentWorld();
    await w.command('aar.draft', { incidentId: w.incidentId }, at(310));
    const a = newId();
    const b = newId();
    await w.command('aar.edit', { incidentId: w.incidentId, improvements: [{ id: a, text: 'Blood bank called late' }] }, at(311));
    await w.runAs('aar.edit', { incidentId: w.incidentId, improvements: [{ id: b, text: 'Radio dead spots on 5 West' }] }, at(312), planningChief);
    await w.command('aar.edit', { incidentId: w.incidentId, improvements: [{ id: a, text: 'Blood bank called 25 minutes late' }] }, at(313));
    const aar = await w.tx.get('aar', w.aarId);
    expect(aar?.improvements.map((i) => [i.text, i.by])).toEqual([
      ['Blood bank called 25 minutes late', makeContext().actor.userId],
      ['Radio dead spots on 5 West', planningChief.userId],
    ]);
    await expect(w.run('aar.edit', { incidentId: w.incidentId, summary: 'operator text' }, at(314))).rejects.toMatchObject({ code: 'forbidden', params: { permission: 'aar.write' } });
    await w.command('aar.edit', { incidentId: w.incidentId, remove: [b] }, at(315));
    expect((await w.tx.get('aar', w.aarId))?.improvements.map((i) => i.id)).toEqual([a]);
  });
});

/** A closed incident with its AAR, one area for improvement, and the mass-casualty plan approved at 1.0. */
async function improvementWorld() {
  const w = await closedIncidentWorld();
  const improvementId = newId();
  await w.command('aar.draft', { incidentId: w.incidentId }, at(310));
  await w.command('aar.edit', { incidentId: w.incidentId, improvements: [{ id: improvementId, text: 'Blood bank called late' }] }, at(311));
  const planId = newId();
  const v1 = newId();
  await w.runAs('plan.loadExample', { planId, versionId: v1, example: 'mass_casualty' }, at(0), planningChief);
  await w.runAs('plan.submitForReview', { versionId: v1 }, at(1), planningChief);
  await w.command('plan.approve', { versionId: v1, name: 'Wang Jun' }, at(2));
  return { ...w, improvementId, planId, v1 };
}

describe('corrective actions from areas for improvement', () => {
  it('records owner, due date and the plan section, and refuses an improvement the AAR does not hold', async () => {
    const w = await improvementWorld();
    const id = newId();
    const due = T0 + 30 * 24 * HOUR;
    await w.command('correctiveAction.add', { id, incidentId: w.incidentId, improvementId: w.improvementId, action: 'Call the blood bank at activation', owner: 'Transfusion service', dueAt: due, plan: { planId: w.planId, section: 'procedures' } }, at(320));
    expect(await w.tx.get('correctiveAction', id)).toMatchObject({ status: 'open', owner: 'Transfusion service', dueAt: due, plan: { planId: w.planId, section: 'procedures' } });
    await expect(w.command('correctiveAction.add', { id: newId(), incidentId: w.incidentId, improvementId: newId(), action: 'x', owner: 'y', dueAt: due }, at(321))).rejects.toMatchObject({ code: 'not_found' });
    // The improvement it comes from cannot be removed from under it.
    await expect(w.command('aar.edit', { incidentId: w.incidentId, remove: [w.improvementId] }, at(322))).rejects.toMatchObject({ code: 'invalid_transition' });
    await w.command('correctiveAction.update', { id, status: 'in_progress', owner: 'Dr Chen, transfusion' }, at(330));
    expect(await w.tx.get('correctiveAction', id)).toMatchObject({ status: 'in_progress', owner: 'Dr Chen, transfusion', action: 'Call the blood bank at activation' });
  });

  it('is closed by the plan revision that names it: shown on the version at once, done when the version is approved', async () => {
    const w = await improvementWorld();
    const id = newId();
    await w.command('correctiveAction.add', { id, incidentId: w.incidentId, improvementId: w.improvementId, action: 'Call the blood bank at activation', owner: 'Transfusion service', dueAt: T0 + 30 * 24 * HOUR, plan: { planId: w.planId, section: 'procedures' } }, at(320));
    const v2 = newId();
    await w.runAs('plan.revise', { planId: w.planId, versionId: v2, trigger: 'lessons_from_response_or_exercise', summary: 'Blood bank in the first call-out', closes: [id] }, at(400), planningChief);
    const draft = await w.tx.get('planVersion', v2);
    expect(draft?.revision).toMatchObject({ closes: [id], sectionsChanged: ['procedures'] });
    expect(await w.tx.get('correctiveAction', id)).toMatchObject({ status: 'open', revisionVersionId: v2 });
    // The action cannot move to another section while a revision answers it.
    await expect(w.command('correctiveAction.update', { id, plan: { planId: w.planId, section: 'resources' } }, at(401))).rejects.toMatchObject({ code: 'invalid_transition' });

    await w.runAs('plan.submitForReview', { versionId: v2 }, at(410), planningChief);
    await w.command('plan.approve', { versionId: v2, name: 'Wang Jun' }, at(420));
    expect(await w.tx.get('correctiveAction', id)).toMatchObject({ status: 'done', doneAt: T0 + 420 * MINUTE });
    await expect(w.runAs('plan.revise', { planId: w.planId, versionId: newId(), trigger: 'risk_changed', summary: 'again', closes: [id] }, at(430), planningChief)).rejects.toMatchObject({ code: 'invalid_transition' });
  });

  it('refuses a revision closing an action about another plan, or one with no plan', async () => {
    const w = await improvementWorld();
    const loose = newId();
    await w.command('correctiveAction.add', { id: loose, incidentId: w.incidentId, improvementId: w.improvementId, action: 'Radio drill for 5 West', owner: 'Telecoms', dueAt: T0 + 24 * HOUR }, at(320));
    await expect(w.runAs('plan.revise', { planId: w.planId, versionId: newId(), trigger: 'risk_changed', summary: 'x', closes: [loose] }, at(400), planningChief)).rejects.toMatchObject({ code: 'invalid_args' });
    expect((await w.tx.query('planVersion', 'demo-hospital')).length).toBe(1);
  });

  it('keeps corrective actions writable long after the close, for aar.write holders only', async () => {
    const w = await improvementWorld();
    const id = newId();
    await w.command('correctiveAction.add', { id, incidentId: w.incidentId, improvementId: w.improvementId, action: 'Radio drill', owner: 'Telecoms', dueAt: T0 + 24 * HOUR }, at(320));
    await w.command('correctiveAction.update', { id, status: 'done' }, at(60 * 24 * 30));
    expect(await w.tx.get('correctiveAction', id)).toMatchObject({ status: 'done', doneAt: T0 + 60 * 24 * 30 * MINUTE });
    await expect(runMutation(w.tx, 'correctiveAction.update', { id, status: 'open' }, makeContext({ actor: makeActor('logistics_chief') }))).rejects.toMatchObject({ code: 'forbidden' });
  });
});
