import { describe, expect, it } from 'vitest';
import { newId } from '../../../../src/domain/ids';
import type { Incident } from '../../../../src/domain/incidents/incident';
import type { LogEntry } from '../../../../src/domain/incidents/activity-log';
import type { Message } from '../../../../src/domain/incidents/messages';
import type { Casualty } from '../../../../src/domain/casualties/casualties';
import type { TriageCategory } from '../../../../src/domain/casualties/triage';
import type { StockLevel } from '../../../../src/domain/resources/stock';
import type { BedCount } from '../../../../src/domain/resources/beds';
import { positionIn, redact, replayIncident, type ReplaySource } from '../../../../src/domain/exercises/incident-replay';
import { runMutation } from '../../../../src/domain/mutators';
import { makeActor, makeContext } from '../../../fixtures/actors';
import { makeMemoryTx } from '../../../fixtures/memory-tx';

const SPACE = 'demo-hospital';
const T0 = Date.UTC(2026, 10, 3, 8, 0); // discovered 08:00
const min = (m: number) => T0 + m * 60_000;
const INCIDENT = newId();

function incident(over: Partial<Incident> = {}): Incident {
  return {
    id: INCIDENT, space: SPACE, name: 'Bus crash on ring road', type: 'mass_casualty', level: 'II', status: 'closed', location: 'Ring road',
    discoveredAt: T0, declaredAt: min(12), declaredBy: 'u-commander', periodHours: 12, period: 1, periodStartedAt: min(12), updatedAt: min(600),
    history: [
      { type: 'declared', at: min(12), by: 'u-commander', level: 'II' },
      { type: 'status_changed', at: min(300), by: 'u-commander', from: 'demobilising', to: 'closed', reason: 'all patients placed' },
    ],
    ...over,
  };
}

function log(at: number, text: string, positionId?: string): LogEntry {
  return { id: newId(), space: SPACE, incidentId: INCIDENT, period: 1, at, text, recordedAt: at, recordedBy: 'u-zhang', ...(positionId ? { positionId } : {}) };
}

function message(at: number, to: string, subject: string, text: string): Message {
  return { id: newId(), space: SPACE, incidentId: INCIDENT, period: 1, to, from: 'Zhang Wei, Incident Commander', subject, message: text, urgent: false, sentAt: at, sentBy: 'u-zhang', replies: [] };
}

function casualty(at: number, category: TriageCategory, name: string, tagNo: string): Casualty {
  return {
    id: newId(), space: SPACE, incidentId: INCIDENT, tagNo, alias: `Alias-${tagNo}`, sex: 'female', ageBand: 'adult', arrivedAt: at, arrivalMode: 'ambulance', area: 'ED',
    triage: { system: 'START', category, at, by: 'u-nurse' }, retriage: [], identification: 'confirmed', name, mrn: `MRN${tagNo}`,
    unaccompaniedMinor: false, guardianVerified: false, familyNotified: false, registeredAt: at, registeredBy: 'u-nurse', updatedAt: at,
  };
}

const masks: StockLevel = {
  id: newId(), space: SPACE, item: 'N95 masks', store: 'Central store', qty: 80, updatedAt: min(400),
  history: [
    { at: min(-600), kind: 'receive', qty: 200, by: 'u-log' },
    { at: min(40), kind: 'issue', qty: 100, by: 'u-log' },
    { at: min(40) + 20_000, kind: 'issue', qty: 40, by: 'u-log' },
    { at: min(400), kind: 'receive', qty: 20, by: 'u-log' },
  ],
};

const icu: BedCount = {
  id: newId(), space: SPACE, unit: 'ICU 3', type: 'adult_icu', staffed: 10, occupied: 9, available: 1, surge: 2,
  changedAt: { staffed: min(90), occupied: min(90), available: min(90), surge: min(90) }, updatedBy: 'u-beds', updatedAt: min(90),
  history: [
    { at: min(-30), staffed: 10, occupied: 5, available: 5, surge: 0 },
    { at: min(90), staffed: 10, occupied: 9, available: 1, surge: 2 },
  ],
};

function source(over: Partial<ReplaySource> = {}): ReplaySource {
  return {
    incident: incident(),
    logEntries: [log(min(15), 'Command centre opened; Zhang Wei in command', undefined), log(min(31), 'Li Na (bed 4) moved to theatre', 'ops')],
    messages: [message(min(20), 'Logistics Section Chief', 'Masks', 'Send 100 N95 masks to the ED for Li Na and others')],
    stock: [masks],
    beds: [icu],
    casualties: [casualty(min(25), 'immediate', 'Li Na', 'A-001'), casualty(min(25) + 30_000, 'minor', '王小明', 'A-002'), casualty(min(25) + 50_000, 'immediate', 'Chen Jie', 'A-003'), casualty(min(80), 'delayed', 'Zhao Lei', 'A-004')],
    enquiries: [],
    identitiesHeld: true,
    staffNames: ['Zhang Wei'],
    ...over,
  };
}

describe('replaying a closed incident as MSEL injects', () => {
  it('puts every event at its minutes after the discovery, in time order, numbered on from the MSEL', () => {
    const plan = replayIncident(source(), { language: 'en', firstNumber: 4, room: 100 });
    expect(plan.startedAt).toBe(T0);
    expect(plan.drafts.map((d) => [d.number, d.trigger.minutes, d.method, d.to])).toEqual([
      [4, 15, 'message', 'ic'],
      [5, 20, 'message', 'logistics'],
      [6, 25, 'casualties', 'ops'],
      [7, 31, 'message', 'ops'],
      [8, 40, 'stock', 'logistics'],
      [9, 80, 'casualties', 'ops'],
      [10, 90, 'beds', 'logistics'],
    ]);
    expect(plan.drafts.every((d) => d.expectedAction === '')).toBe(true);
    expect(plan.omitted).toBe(0);
  });

  it('makes arrivals within a minute one batch of synthetic patients counted by triage category', () => {
    const plan = replayIncident(source(), { language: 'en', firstNumber: 1, room: 100 });
    const batches = plan.drafts.filter((d) => d.method === 'casualties');
    expect(batches.map((d) => d.message)).toEqual([
      '3 casualties arrive: immediate 2, minor 1. Synthetic patients SIM-1–SIM-3.',
      '1 casualty arrives: delayed 1. Synthetic patients SIM-4.',
    ]);
    expect(plan.counts.casualties).toBe(4);
  });

  it('leaves out stock and bed changes from before the discovery and after the close, and merges a burst of moves', () => {
    const plan = replayIncident(source(), { language: 'en', firstNumber: 1, room: 100 });
    expect(plan.drafts.find((d) => d.method === 'stock')?.message).toBe('N95 masks at Central store: issued 100, 100 on hand\nN95 masks at Central store: issued 40, 60 on hand');
    expect(plan.drafts.filter((d) => d.method === 'beds').map((d) => d.message)).toEqual(['ICU 3 (adult_icu): staffed 10, occupied 9, available 1, surge 2']);
    expect(plan.counts).toEqual({ log: 2, messages: 1, stock: 2, beds: 1, casualties: 4 });
  });

  it('copies no patient name, record number, alias or tag, and no known staff name, into any inject, in either language', () => {
    for (const language of ['en', 'zh-CN'] as const) {
      const plan = replayIncident(source(), { language, firstNumber: 1, room: 100 });
      const everything = JSON.stringify(plan.drafts);
      for (const secret of ['Li Na', '王小明', 'Chen Jie', 'Zhao Lei', 'MRNA-001', 'A-001', 'Alias-A-002', 'Zhang Wei', 'u-zhang', 'u-nurse']) expect(everything).not.toContain(secret);
    }
    const plan = replayIncident(source(), { language: 'en', firstNumber: 1, room: 100 });
    expect(plan.drafts.map((d) => d.message)).toContain('[patient] (bed 4) moved to theatre');
    expect(plan.drafts[0]?.message).toBe('Command centre opened; [staff] in command');
  });

  it('leaves log and message texts behind, saying so, when a casualty is named on records this desk may not see', () => {
    // What a desk without patient.identify holds: the casualty is identified, its name is not on the desk.
    const unnamed = source().casualties.map(({ name: _name, mrn: _mrn, ...rest }) => rest);
    const plan = replayIncident(source({ casualties: unnamed, identitiesHeld: false }), { language: 'en', firstNumber: 1, room: 100 });
    expect(plan.textsWithheld).toBe(true);
    const texts = plan.drafts.filter((d) => d.method === 'message');
    expect(texts.map((d) => d.subject)).toEqual(['Incident log', 'General message (HICS 213)', 'Log entry (HICS 214): Operations Section Chief']);
    expect(texts.every((d) => d.message.startsWith('Text not copied'))).toBe(true);
    expect(JSON.stringify(plan.drafts)).not.toContain('Li Na');
    // With nobody named, there is nothing the desk cannot see, and the texts come across.
    const anonymous = unnamed.map((c) => ({ ...c, identification: 'unidentified' as const }));
    expect(replayIncident(source({ casualties: anonymous, identitiesHeld: false }), { language: 'en', firstNumber: 1, room: 100 }).textsWithheld).toBe(false);
  });

  it('replaces a Latin name only as a whole word, a Chinese one wherever it stands', () => {
    const secrets = [{ value: 'Li', placeholder: '[p]' }, { value: '王芳', placeholder: '[p]' }];
    expect(redact('Limited supply for Li; LI too', secrets)).toBe('Limited supply for [p]; [p] too');
    expect(redact('患者王芳已转入ICU', secrets)).toBe('患者[p]已转入ICU');
  });

  it('addresses a 213 message to the HICS position its To names, or to everyone', () => {
    expect(positionIn('Logistics Section Chief')).toBe('logistics');
    expect(positionIn('ops')).toBe('ops');
    expect(positionIn('Dr Wu, ward 5')).toBe('all');
  });

  it('refuses an incident that is not closed, saying so', () => {
    expect(() => replayIncident(source({ incident: incident({ status: 'demobilising' }) }), { language: 'en', firstNumber: 1, room: 100 })).toThrow(expect.objectContaining({ code: 'replay_not_closed' }));
  });

  it('keeps to the room the MSEL has left and counts what it left out', () => {
    const plan = replayIncident(source(), { language: 'en', firstNumber: 1, room: 3 });
    expect(plan.drafts.map((d) => d.number)).toEqual([1, 2, 3]);
    expect(plan.total).toBe(7);
    expect(plan.omitted).toBe(4);
  });

  it('writes drafts the MSEL mutator takes as they are, after the rows already there', async () => {
    const tx = makeMemoryTx();
    const ctx = makeContext({ actor: makeActor('exercise_facilitator'), space: 'exercise-replay', spaceKind: 'exercise' });
    const exerciseId = newId();
    await runMutation(tx, 'exercise.create', { id: exerciseId, name: 'Replay', type: 'tabletop' }, ctx);
    const plan = replayIncident(source(), { language: 'zh-CN', firstNumber: 1, room: 100 });
    await runMutation(tx, 'inject.append', { exerciseId, injects: plan.drafts.map((d) => ({ ...d, id: newId() })) }, ctx);
    expect((await tx.query('inject', 'exercise-replay')).length).toBe(7);
    // Numbers already held are refused, so a second replay cannot interleave with the first.
    await expect(runMutation(tx, 'inject.append', { exerciseId, injects: plan.drafts.slice(0, 1).map((d) => ({ ...d, id: newId() })) }, ctx)).rejects.toMatchObject({ code: 'invalid_args' });
    await runMutation(tx, 'exercise.start', { id: exerciseId }, ctx);
    const next = replayIncident(source(), { language: 'zh-CN', firstNumber: 8, room: 100 });
    await expect(runMutation(tx, 'inject.append', { exerciseId, injects: next.drafts.map((d) => ({ ...d, id: newId() })) }, ctx)).rejects.toMatchObject({ code: 'invalid_transition' });
  });
});
