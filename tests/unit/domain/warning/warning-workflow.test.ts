import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../../src/domain/errors';
import { newId } from '../../../../src/domain/ids';
import { runMutation } from '../../../../src/domain/mutators';
import type { MutationName } from '../../../../src/domain/mutators';
import type { MutationContext, Tx } from '../../../../src/domain/mutation';
import { statutoryDeadline } from '../../../../src/domain/incidents/reporting-deadlines';
import { isAckOverdue, rankAlerts, type Alert } from '../../../../src/domain/warning/alerts';
import { dayFromNumber } from '../../../../src/domain/warning/daily-series';
import { observationId } from '../../../../src/domain/warning/indicators';
import { makeActor, makeContext } from '../../../fixtures/actors';
import { makeMemoryTx } from '../../../fixtures/memory-tx';

const ctx = makeContext(); // 2026-11-26 08:00 UTC, incident commander, demo-hospital
const today = Math.floor(ctx.at / 86_400_000);
const HOUR = 3_600_000;

/** `days` days ending today, alternating 4 and 6 (mean 5), with `last` as today's figure. */
function history(days: number, last: number, endOffset = 0): { date: string; value: number }[] {
  return Array.from({ length: days }, (_, i) => {
    const day = today - endOffset - (days - 1 - i);
    return { date: dayFromNumber(day), value: i === days - 1 ? last : i % 2 ? 4 : 6 };
  });
}

async function run(tx: Tx, name: MutationName, args: unknown, at: Partial<MutationContext> = {}): Promise<void> {
  await runMutation(tx, name, args, { ...ctx, ...at });
}

async function refusal(work: Promise<unknown>): Promise<DomainError> {
  const error = await work.then(() => null, (e: unknown) => e);
  if (!(error instanceof DomainError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
}

async function world() {
  const tx = makeMemoryTx();
  const ed = newId();
  const lab = newId();
  await run(tx, 'indicator.define', { id: ed, name: 'ED fever + respiratory', source: 'ed_syndrome', method: 'ears_c1', group: 'respiratory' });
  await run(tx, 'indicator.define', { id: lab, name: 'Influenza A positives', source: 'lab_positive', method: 'fixed', params: { threshold: 50 }, group: 'respiratory' });
  const alerts = () => tx.query('alert', ctx.space);
  return { tx, ed, lab, alerts };
}

describe('indicators and observations', () => {
  it('refuses a method parameter it does not have or out of range, by name, and needs command to set one up', async () => {
    const tx = makeMemoryTx();
    const bad = await refusal(run(tx, 'indicator.define', { id: newId(), name: 'x', source: 'ed_syndrome', method: 'ewma', params: { w1: 2 }, group: 'g' }));
    expect(bad.code).toBe('invalid_args');
    expect(bad.message).toContain('w1');
    const operator = await refusal(run(tx, 'indicator.define', { id: newId(), name: 'x', source: 'ed_syndrome', method: 'ewma', group: 'g' }, { actor: makeActor('operator') }));
    expect(operator.code).toBe('forbidden');
  });

  it('keeps one figure a day: the same figure again changes nothing, another is refused unless it replaces', async () => {
    const { tx, ed } = await world();
    const date = '2026-11-20';
    await run(tx, 'observation.record', { indicatorId: ed, date, value: 5 });
    await run(tx, 'observation.record', { indicatorId: ed, date, value: 5 });
    const again = await refusal(run(tx, 'observation.record', { indicatorId: ed, date, value: 7 }));
    expect(again).toMatchObject({ code: 'already_exists', params: { date, value: 5 } });
    await run(tx, 'observation.record', { indicatorId: ed, date, value: 7, replace: true });
    expect(await tx.get('observation', observationId(ctx.space, ed, date))).toMatchObject({ value: 7, revision: 2 });
    expect(await tx.query('observation', ctx.space)).toHaveLength(1);
  });

  it('imports a file all or nothing: a day already held is refused by date, and replaced when the user chose so', async () => {
    const { tx, ed } = await world();
    await run(tx, 'observation.record', { indicatorId: ed, date: dayFromNumber(today - 3), value: 9 });
    const rows = history(20, 5);
    const refused = await refusal(run(tx, 'observation.import', { indicatorId: ed, rows }));
    expect(refused.params).toMatchObject({ date: dayFromNumber(today - 3) });
    expect(await tx.query('observation', ctx.space)).toHaveLength(1);
    await run(tx, 'observation.import', { indicatorId: ed, rows, onDuplicate: 'replace' });
    expect(await tx.query('observation', ctx.space)).toHaveLength(20);
  });
});

describe('alerts', () => {
  it('raises an alert on a spike today, explained by the figures the method judged it by, with a 30-minute acknowledgement clock', async () => {
    const { tx, ed, alerts } = await world();
    await run(tx, 'observation.import', { indicatorId: ed, rows: history(30, 5) });
    expect(await alerts()).toHaveLength(0);
    await run(tx, 'observation.record', { indicatorId: ed, date: dayFromNumber(today + 1), value: 20 });
    const [alert] = await alerts();
    expect(alert).toMatchObject({ grade: 'red', status: 'new', group: 'respiratory', raisedAt: ctx.at, ackDueAt: ctx.at + 30 * 60_000 });
    expect(alert?.signals).toEqual([
      expect.objectContaining({ indicatorId: ed, date: dayFromNumber(today + 1), level: 'red', method: 'ears_c1', value: 20, expected: 5 }),
    ]);
  });

  it('does not raise alerts for spikes in imported history, only for recent days', async () => {
    const { tx, ed, alerts } = await world();
    await run(tx, 'observation.import', { indicatorId: ed, rows: [...history(30, 40, 20), ...history(19, 5)] });
    expect(await alerts()).toHaveLength(0);
  });

  it('makes signals of one syndrome group within three days one thread, graded by the worst, counting independent sources', async () => {
    const { tx, ed, lab, alerts } = await world();
    await run(tx, 'observation.import', { indicatorId: ed, rows: history(30, 20) });
    await run(tx, 'observation.record', { indicatorId: lab, date: dayFromNumber(today - 2), value: 60 });
    const all = await alerts();
    expect(all).toHaveLength(1);
    expect(new Set(all[0]?.signals.map((s) => s.source))).toEqual(new Set(['ed_syndrome', 'lab_positive']));
    expect(all[0]?.history.map((h) => h.action)).toEqual(['raised', 'merged']);
    // The same data sent again (a feed resending, a desk replaying) adds nothing to the record.
    await run(tx, 'observation.import', { indicatorId: ed, rows: history(30, 20) });
    expect((await alerts())[0]?.history).toHaveLength(2);
  });

  it('raises a multi-point rule\'s grade when its condition holds, keeping the rule version that raised it', async () => {
    const { tx, ed, lab, alerts } = await world();
    const rule = newId();
    const condition = { type: 'all', of: [{ type: 'level', indicatorId: ed, atLeast: 'yellow' }, { type: 'total', indicatorId: lab, days: 2, atLeast: 3 }] };
    await run(tx, 'rule.define', { id: rule, name: 'ED syndrome and lab positives', grade: 'orange', condition, group: 'respiratory-rule' });
    await run(tx, 'observation.import', { indicatorId: ed, rows: history(30, 20) });
    expect((await alerts()).map((a) => a.group)).toEqual(['respiratory']);
    await run(tx, 'observation.record', { indicatorId: lab, date: dayFromNumber(today - 1), value: 1 });
    expect(await alerts()).toHaveLength(1);
    await run(tx, 'observation.record', { indicatorId: lab, date: dayFromNumber(today), value: 2 });
    const ruled = (await alerts()).find((a) => a.group === 'respiratory-rule');
    expect(ruled).toMatchObject({ grade: 'orange', rules: [{ id: rule, version: 1, condition }] });
    expect(ruled?.signals.map((s) => s.level).sort()).toEqual(['counted', 'counted', 'red']);
    await run(tx, 'rule.update', { id: rule, withinDays: 2 });
    expect(await tx.get('triggerRule', rule)).toMatchObject({ version: 2, withinDays: 2, grade: 'orange', enabled: true });
  });

  it('refuses a rule on an indicator that does not exist', async () => {
    const { tx } = await world();
    const error = await refusal(run(tx, 'rule.define', { id: newId(), name: 'r', grade: 'red', condition: { type: 'level', indicatorId: newId(), atLeast: 'red' }, group: 'g' }));
    expect(error.code).toBe('not_found');
  });

  it('walks acknowledge → check → verify → incident, which opens pre-filled with its reporting clock running from the first signal', async () => {
    const { tx, ed, alerts } = await world();
    await run(tx, 'observation.import', { indicatorId: ed, rows: history(30, 20) });
    const id = (await alerts())[0]?.id ?? '';
    const early = await refusal(run(tx, 'alert.verify', { id, note: 'lab confirms' }));
    expect(early.code).toBe('invalid_transition');
    await run(tx, 'alert.acknowledge', { id, assignee: 'duty-officer' }, { at: ctx.at + 10 * 60_000 });
    expect(await tx.get('alert', id)).toMatchObject({ status: 'checking', assignee: 'duty-officer', checkDueAt: ctx.at + 10 * 60_000 + 2 * HOUR });
    await run(tx, 'alert.verify', { id, note: 'cluster of 6 in one ward, influenza A' }, { at: ctx.at + HOUR });
    const incidentId = newId();
    await run(tx, 'alert.openIncident', { id, incidentId, name: 'Influenza A cluster, ward 5' }, { at: ctx.at + 90 * 60_000 });
    const incident = await tx.get('incident', incidentId);
    expect(incident).toMatchObject({ type: 'infectious_disease', level: 'I', discoveredAt: ctx.at, declaredAt: ctx.at + 90 * 60_000 });
    expect(incident && statutoryDeadline(incident)?.dueAt).toBe(ctx.at + 2 * HOUR);
    expect(await tx.get('alert', id)).toMatchObject({ status: 'incident_opened', incidentId });
  });

  it('keeps a dismissal\'s reason, and the same signals resent do not raise the alert again', async () => {
    const { tx, ed, alerts } = await world();
    await run(tx, 'observation.import', { indicatorId: ed, rows: history(30, 20) });
    const id = (await alerts())[0]?.id ?? '';
    expect((await refusal(run(tx, 'alert.dismiss', { id, reason: '  ' }))).code).toBe('invalid_args');
    await run(tx, 'alert.dismiss', { id, reason: 'a school trip: 14 pupils seen for one bus accident' });
    await run(tx, 'observation.record', { indicatorId: ed, date: dayFromNumber(today), value: 20 });
    expect(await alerts()).toEqual([expect.objectContaining({ id, status: 'dismissed', outcome: 'a school trip: 14 pupils seen for one bus accident' })]);
  });

  it('gives two desks that see the same data offline the same alert, so they converge on one', async () => {
    const a = await world();
    const b = makeMemoryTx();
    for (const row of await a.tx.query('indicator', ctx.space)) await b.put('indicator', row);
    await run(a.tx, 'observation.import', { indicatorId: a.ed, rows: history(30, 20) });
    await run(b, 'observation.import', { indicatorId: a.ed, rows: history(30, 20) }, { at: ctx.at + 60_000 });
    expect((await b.query('alert', ctx.space)).map((x) => x.id)).toEqual((await a.alerts()).map((x) => x.id));
  });
});

describe('the alert inbox', () => {
  const alert = (over: Partial<Alert>): Alert => ({
    id: newId(),
    space: 's',
    group: 'g',
    grade: 'yellow',
    status: 'new',
    signals: [],
    rules: [],
    firstDate: '2026-11-26',
    lastDate: '2026-11-26',
    suggestedIncidentType: 'infectious_disease',
    raisedAt: ctx.at,
    ackDueAt: ctx.at + HOUR,
    history: [],
    updatedAt: ctx.at,
    ...over,
  });

  it('ranks open before closed, then by grade, then by independent sources, then by the least time left', () => {
    const closed = alert({ grade: 'red', status: 'dismissed' });
    const red = alert({ grade: 'red', ackDueAt: ctx.at + 2 * HOUR });
    const redSooner = alert({ grade: 'red', ackDueAt: ctx.at + HOUR });
    const orange = alert({ grade: 'orange' });
    const sig = { indicatorName: 'i', date: '2026-11-26', level: 'red', method: 'fixed', params: {}, value: 1, expected: null, threshold: 1, stat: 1, pValue: null } as const;
    const redTwoSources = alert({ grade: 'red', ackDueAt: ctx.at + 3 * HOUR, signals: [{ ...sig, indicatorId: newId(), source: 'ed_syndrome' }, { ...sig, indicatorId: newId(), source: 'lab_positive' }] });
    expect(rankAlerts([closed, orange, red, redSooner, redTwoSources]).map((a) => a.id)).toEqual([redTwoSources.id, redSooner.id, red.id, orange.id, closed.id]);
  });

  it('marks an alert overdue when nobody acknowledged it in time', () => {
    const a = alert({ ackDueAt: ctx.at + HOUR });
    expect(isAckOverdue(a, ctx.at + HOUR - 1)).toBe(false);
    expect(isAckOverdue(a, ctx.at + HOUR + 1)).toBe(true);
    expect(isAckOverdue({ ...a, status: 'checking' }, ctx.at + 2 * HOUR)).toBe(false);
  });
});
