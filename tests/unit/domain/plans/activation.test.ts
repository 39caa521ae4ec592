import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../../src/domain/errors';
import { newId } from '../../../../src/domain/ids';
import { activationId, positionChecklistId } from '../../../../src/domain/plans/activation';
import { checklistRows, progressOf, rollUp, type ChecklistRow } from '../../../../src/domain/plans/checklist-items';
import { makeActor } from '../../../fixtures/actors';
import { operator, planningChief, planWorld, SPACE } from './plan-fixture';

const MIN = 60_000;
const HOUR = 60 * MIN;
const T0 = Date.parse('2026-12-05T02:00:00Z');
const APPROVED = Date.parse('2026-01-10T02:00:00Z');
const ACTIVATED = T0 + 5 * MIN;

async function refusal(p: Promise<unknown>): Promise<DomainError> {
  const error = await p.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

/** The approved mass-casualty plan, an incident at level II with four positions filled, the plan activated. */
async function activated() {
  const w = await planWorld(APPROVED - HOUR);
  await w.approve(w.versionId, APPROVED);
  const incidentId = newId();
  await w.run('incident.declare', { id: incidentId, name: 'G15 bus collision', type: 'mass_casualty', level: 'II', location: 'G15 exit 32', discoveredAt: T0 }, T0);
  for (const positionId of ['ic', 'ops', 'ops.medical-care.casualty-care', 'finance.time']) {
    await w.run('assignment.assign', { id: newId(), incidentId, period: 1, positionId, person: `Dr ${positionId}` }, T0 + MIN);
  }
  await w.run('plan.activate', { incidentId, planId: w.planId }, ACTIVATED);
  const aid = activationId(incidentId, w.planId);
  const view = async (positionId: string, now: number) => {
    const checklist = await w.tx.get('positionChecklist', positionChecklistId(aid, positionId));
    const activation = await w.tx.get('planActivation', aid);
    const incident = await w.tx.get('incident', incidentId);
    if (!checklist || !activation || !incident) throw new Error('missing');
    const version = await w.version(checklist.versionId);
    return checklistRows(version.content, positionId, checklist.marks, { activation, incident, now });
  };
  return { ...w, incidentId, aid, view };
}

const ids = (rows: readonly ChecklistRow[], state?: ChecklistRow['state']) => rows.filter((r) => state === undefined || r.state === state).map((r) => r.item.id);

describe('activating a plan on an incident', () => {
  it('pins the version in force and opens one checklist per filled position the plan has items for', async () => {
    const w = await activated();
    const activation = await w.tx.get('planActivation', w.aid);
    expect(activation).toMatchObject({ versionId: w.versionId, level: 'II', activatedAt: ACTIVATED, historyIndex: 1 });
    const lists = await w.tx.query('positionChecklist', SPACE, { where: { incidentId: w.incidentId } });
    expect(lists.map((l) => l.positionId).sort()).toEqual(['ic', 'ops', 'ops.medical-care.casualty-care']);
    expect(await w.tx.query('task', SPACE)).toEqual([]);
  });

  it('refuses a second activation of the same plan, a plan with no approved version, and a desk without command', async () => {
    const w = await activated();
    expect((await refusal(w.run('plan.activate', { incidentId: w.incidentId, planId: w.planId }, ACTIVATED + MIN))).code).toBe('already_exists');
    const draftPlan = newId();
    await w.run('plan.loadExample', { planId: draftPlan, versionId: newId(), example: 'respiratory_infection' }, ACTIVATED, planningChief);
    expect((await refusal(w.run('plan.activate', { incidentId: w.incidentId, planId: draftPlan }, ACTIVATED + MIN))).code).toBe('invalid_transition');
    expect((await refusal(w.run('plan.activate', { incidentId: w.incidentId, planId: draftPlan }, ACTIVATED + MIN, operator))).code).toBe('forbidden');
  });

  it('keeps the pinned version when a revision is approved mid-incident', async () => {
    const w = await activated();
    const next = newId();
    await w.run('plan.revise', { versionId: next, planId: w.planId, trigger: 'risk_changed', summary: 'New flyover nearby' }, ACTIVATED + HOUR, planningChief);
    await w.approve(next, ACTIVATED + HOUR);
    const list = await w.tx.get('positionChecklist', positionChecklistId(w.aid, 'ic'));
    expect(list?.versionId).toBe(w.versionId);
    expect((await w.tx.get('planActivation', w.aid))?.versionId).toBe(w.versionId);
  });
});

describe('which items show and when they fall due', () => {
  it('shows the items of the incident’s level and below, the immediate band open and the later bands upcoming', async () => {
    const w = await activated();
    const rows = await w.view('ic', ACTIVATED + 10 * MIN);
    expect(ids(rows)).not.toContain('ic-mutual-aid'); // from level I
    expect(ids(rows)).toEqual(expect.arrayContaining(['ic-declare', 'ic-report', 'ic-elective', 'ic-iap', 'ic-sustain', 'ic-demob']));
    expect(ids(rows, 'current')).toEqual(['ic-declare', 'ic-appoint', 'ic-objectives', 'ic-report', 'ic-elective']);
    expect(ids(rows, 'upcoming')).toEqual(['ic-iap', 'ic-brief-leaders', 'ic-sustain', 'ic-demob']);
    const declare = rows.find((r) => r.item.id === 'ic-declare');
    expect([declare?.opensAt, declare?.dueAt]).toEqual([ACTIVATED, ACTIVATED + 15 * MIN]);
  });

  it('opens the intermediate band at 2 h and the extended band at 12 h, and marks unticked items past due overdue', async () => {
    const w = await activated();
    const at2h = await w.view('ic', ACTIVATED + 2 * HOUR + 1);
    expect(ids(at2h, 'current')).toEqual(['ic-iap', 'ic-brief-leaders']);
    expect(ids(at2h, 'overdue')).toEqual(['ic-declare', 'ic-appoint', 'ic-objectives', 'ic-report', 'ic-elective']);
    expect(ids(at2h, 'upcoming')).toEqual(['ic-sustain', 'ic-demob']);
    const at12h = await w.view('ic', ACTIVATED + 12 * HOUR + 1);
    expect(ids(at12h, 'current')).toEqual(['ic-sustain']);
    expect(ids(at12h, 'overdue')).toContain('ic-iap');
    // The demobilisation band waits for the incident to stand down, whatever the time.
    expect(ids(at12h, 'upcoming')).toEqual(['ic-demob']);
  });

  it('adds the items of a higher level on escalation, timed from the escalation, and keeps them after de-escalation', async () => {
    const w = await activated();
    const escalated = ACTIVATED + 3 * HOUR;
    await w.run('incident.setLevel', { id: w.incidentId, level: 'I', reason: '40 more casualties announced' }, escalated);
    const rows = await w.view('ic', escalated + MIN);
    const aid = rows.find((r) => r.item.id === 'ic-mutual-aid');
    expect(aid).toMatchObject({ appliesFrom: escalated, opensAt: escalated, dueAt: escalated + 2 * HOUR, state: 'current' });
    await w.run('checklist.mark', { checklistId: positionChecklistId(w.aid, 'ic'), itemId: 'ic-mutual-aid', status: 'done' }, escalated + 10 * MIN);
    await w.run('incident.setLevel', { id: w.incidentId, level: 'II', reason: 'Numbers revised down' }, escalated + HOUR);
    const after = await w.view('ic', escalated + 2 * HOUR);
    expect(after.find((r) => r.item.id === 'ic-mutual-aid')?.state).toBe('done');
  });

  it('opens the demobilisation band when the incident stands down', async () => {
    const w = await activated();
    const standDown = ACTIVATED + 20 * HOUR;
    await w.run('incident.demobilise', { id: w.incidentId, reason: 'Last casualty placed' }, standDown);
    const rows = await w.view('ic', standDown + MIN);
    expect(rows.find((r) => r.item.id === 'ic-demob')).toMatchObject({ opensAt: standDown, state: 'current' });
  });
  it('closes the demobilisation band again when the incident is reactivated', async () => {
    const w = await activated();
    await w.run('incident.demobilise', { id: w.incidentId, reason: 'Last casualty placed' }, ACTIVATED + 20 * HOUR);
    await w.run('incident.activate', { id: w.incidentId, reason: 'Second wave of casualties' }, ACTIVATED + 21 * HOUR);
    const rows = await w.view('ic', ACTIVATED + 22 * HOUR);
    expect(rows.find((r) => r.item.id === 'ic-demob')?.state).toBe('upcoming');
  });
});

describe('ticking items and the roll-up', () => {
  it('marks an item done or n/a, refuses an item above the incident’s level, and reopens one', async () => {
    const w = await activated();
    const ic = positionChecklistId(w.aid, 'ic');
    await w.run('checklist.mark', { checklistId: ic, itemId: 'ic-declare', status: 'done' }, ACTIVATED + 5 * MIN, operator);
    await w.run('checklist.mark', { checklistId: ic, itemId: 'ic-elective', status: 'na', remark: 'No elective list today' }, ACTIVATED + 6 * MIN, operator);
    const early = await refusal(w.run('checklist.mark', { checklistId: ic, itemId: 'ic-mutual-aid', status: 'done' }, ACTIVATED + 7 * MIN));
    expect(early.code).toBe('invalid_transition');
    expect((await refusal(w.run('checklist.mark', { checklistId: ic, itemId: 'no-such', status: 'done' }, ACTIVATED + 7 * MIN))).code).toBe('not_found');
    expect((await refusal(w.run('checklist.mark', { checklistId: ic, itemId: 'ic-declare', status: 'open' }, ACTIVATED + 7 * MIN, makeActor('viewer')))).code).toBe('forbidden');
    let rows = await w.view('ic', ACTIVATED + 8 * MIN);
    expect(rows.find((r) => r.item.id === 'ic-elective')?.mark).toMatchObject({ status: 'na', remark: 'No elective list today', by: operator.userId });
    expect(ids(rows, 'done')).toEqual(['ic-declare']);
    await w.run('checklist.mark', { checklistId: ic, itemId: 'ic-declare', status: 'open' }, ACTIVATED + 9 * MIN);
    rows = await w.view('ic', ACTIVATED + 10 * MIN);
    expect(ids(rows, 'done')).toEqual([]);
  });

  it('completes a step when its substeps are done, cascades a step’s tick to its substeps, and counts leaves', async () => {
    const w = await activated();
    const cc = positionChecklistId(w.aid, 'ops.medical-care.casualty-care');
    const now = ACTIVATED + 20 * MIN;
    await w.run('checklist.mark', { checklistId: cc, itemId: 'cc-tags-photo', status: 'done' }, now);
    let tags = (await w.view('ops.medical-care.casualty-care', now)).find((r) => r.item.id === 'cc-tags');
    expect(tags?.state).toBe('current');
    await w.run('checklist.mark', { checklistId: cc, itemId: 'cc-tags-handover', status: 'na' }, now);
    tags = (await w.view('ops.medical-care.casualty-care', now)).find((r) => r.item.id === 'cc-tags');
    expect(tags?.state).toBe('done');

    const cascade = await activated();
    const cc2 = positionChecklistId(cascade.aid, 'ops.medical-care.casualty-care');
    await cascade.run('checklist.mark', { checklistId: cc2, itemId: 'cc-tags', status: 'done' }, now);
    const rows = await cascade.view('ops.medical-care.casualty-care', now);
    expect(rows.find((r) => r.item.id === 'cc-tags')?.substeps.map((s) => s.state)).toEqual(['done', 'done']);
    // Level II: cc-red, cc-blood, cc-retriage, cc-tags (2 substeps) = 5 leaves; 2 done; 4 opened so far.
    expect(progressOf(rows)).toEqual({ total: 5, complete: 2, due: 4, overdue: 1 });
  });

  it('reopens a step’s substeps when the step is reopened', async () => {
    const w = await activated();
    const cc = positionChecklistId(w.aid, 'ops.medical-care.casualty-care');
    const now = ACTIVATED + 20 * MIN;
    await w.run('checklist.mark', { checklistId: cc, itemId: 'cc-tags', status: 'done' }, now);
    await w.run('checklist.mark', { checklistId: cc, itemId: 'cc-tags', status: 'open' }, now + MIN);
    const tags = (await w.view('ops.medical-care.casualty-care', now + 2 * MIN)).find((r) => r.item.id === 'cc-tags');
    expect([tags?.state, ...(tags?.substeps.map((s) => s.state) ?? [])]).toEqual(['current', 'current', 'current']);
  });

  it('rolls position progress up to the HICS sections and the incident', async () => {
    const w = await activated();
    const now = ACTIVATED + 20 * MIN;
    await w.run('checklist.mark', { checklistId: positionChecklistId(w.aid, 'ic'), itemId: 'ic-declare', status: 'done' }, now);
    await w.run('checklist.mark', { checklistId: positionChecklistId(w.aid, 'ops'), itemId: 'ops-triage', status: 'done' }, now);
    const positions = await Promise.all(['ic', 'ops', 'ops.medical-care.casualty-care'].map(async (positionId) => ({ positionId, progress: progressOf(await w.view(positionId, now)) })));
    const { bySection, total } = rollUp(positions);
    const ic = positions[0]?.progress;
    const ops = positions[1]?.progress;
    const cc = positions[2]?.progress;
    if (!ic || !ops || !cc) throw new Error('missing');
    expect(bySection.command).toEqual(ic);
    expect(bySection.operations).toEqual({ total: ops.total + cc.total, complete: 1, due: ops.due + cc.due, overdue: ops.overdue + cc.overdue });
    expect(total.complete).toBe(2);
    expect(total.total).toBe(ic.total + ops.total + cc.total);
  });
});

describe('positions filled after activation', () => {
  it('opens a checklist for a newly filled position, once, and refuses a position the plan has nothing for', async () => {
    const w = await activated();
    await w.run('checklist.open', { activationId: w.aid, positionId: 'pio' }, ACTIVATED + HOUR, operator);
    await w.run('checklist.open', { activationId: w.aid, positionId: 'pio' }, ACTIVATED + HOUR, operator);
    expect((await w.tx.query('positionChecklist', SPACE, { where: { positionId: 'pio' } })).length).toBe(1);
    expect((await refusal(w.run('checklist.open', { activationId: w.aid, positionId: 'finance.time' }, ACTIVATED + HOUR))).code).toBe('not_found');
  });
});
