import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { fromCsvCell, toCsvCell } from '../../../../src/domain/csv-cell';
import { newId } from '../../../../src/domain/ids';
import type { MutationContext } from '../../../../src/domain/mutation';
import { runMutation, type MutationName } from '../../../../src/domain/mutators';
import type { Inject } from '../../../../src/domain/exercises/injects';
import { injectsToCsvRecords, mselCsvColumns, validateMselCsv, type MselCsvRecord } from '../../../../src/domain/exercises/msel-csv';
import type { SpaceKind } from '../../../../src/domain/spaces';
import { scenarios, type Scenario } from '../../../../src/domain/exercises/scenarios';
import { findPosition } from '../../../../src/domain/hics';
import { makeActor, makeContext } from '../../../fixtures/actors';
import { makeMemoryTx } from '../../../fixtures/memory-tx';

const SPACE = 'exercise-bus-crash';
const facilitator = makeActor('exercise_facilitator');

/** `unknown`: a context that names no kind, as a caller that never asked would give. */
type Over = Omit<Partial<MutationContext>, 'spaceKind'> & { spaceKind?: SpaceKind | 'unknown' };

function ctx({ spaceKind = 'exercise', ...over }: Over = {}): MutationContext {
  return makeContext({ actor: facilitator, space: SPACE, ...(spaceKind === 'unknown' ? {} : { spaceKind }), ...over });
}

async function msel() {
  const tx = makeMemoryTx();
  const exerciseId = newId();
  await runMutation(tx, 'exercise.create', { id: exerciseId, name: 'Bus crash tabletop', type: 'tabletop' }, ctx());
  const run = (name: MutationName, args: unknown, over: Over = {}) => runMutation(tx, name, args, ctx(over));
  const add = async (number: number, trigger: Inject['trigger'] = { type: 'at', minutes: number * 10 }) => {
    const id = newId();
    await run('inject.add', { id, exerciseId, number, trigger, from: 'County 120 dispatch', to: 'ic', subject: `Event ${number}`, message: `Inject ${number}`, controller: 'Controller A', method: 'phone' });
    return id;
  };
  const rows = async () => (await tx.query('inject', SPACE)).sort((a, b) => a.number - b.number);
  return { tx, exerciseId, run, add, rows };
}

function injectRow(number: number, over: Partial<Record<string, unknown>> = {}) {
  return { id: newId(), number, trigger: { type: 'at', minutes: number }, from: 'Sim cell', to: 'ic', subject: `E${number}`, message: `Text ${number}`, ...over };
}

describe('MSEL mutators', () => {
  it('refuses every MSEL change in a real hospital space, whatever the space is called', async () => {
    const { run, exerciseId, add } = await msel();
    const id = await add(1);
    for (const over of [{ spaceKind: 'hospital' as const }, { spaceKind: 'unknown' as const }]) {
      await expect(run('inject.add', injectRow(2, { exerciseId }), over)).rejects.toMatchObject({ code: 'not_exercise_space' });
      await expect(run('inject.edit', { id, subject: 'x' }, over)).rejects.toMatchObject({ code: 'not_exercise_space' });
      await expect(run('inject.remove', { id }, over)).rejects.toMatchObject({ code: 'not_exercise_space' });
      await expect(run('inject.reorder', { exerciseId, order: [id] }, over)).rejects.toMatchObject({ code: 'not_exercise_space' });
      await expect(run('inject.import', { exerciseId, injects: [injectRow(1)] }, over)).rejects.toMatchObject({ code: 'not_exercise_space' });
    }
  });

  it('edits only the fields given, and refuses a number another inject holds', async () => {
    const { run, add, rows } = await msel();
    const first = await add(1);
    await add(2);
    await run('inject.edit', { id: first, message: 'A second bus is reported', method: 'message' });
    expect((await rows())[0]).toMatchObject({ number: 1, subject: 'Event 1', message: 'A second bus is reported', method: 'message', controller: 'Controller A' });
    await expect(run('inject.edit', { id: first, number: 2 })).rejects.toMatchObject({ code: 'inject_number_taken', params: { number: 2 } });
  });

  it('refuses a chain that comes back on itself, through an edit as through an add', async () => {
    const { run, add } = await msel();
    const one = await add(1);
    await add(2, { type: 'after', inject: 1, minutes: 5 });
    await add(3, { type: 'after', inject: 2, minutes: 5 });
    await expect(run('inject.edit', { id: one, trigger: { type: 'after', inject: 3, minutes: 0 } })).rejects.toMatchObject({ code: 'inject_chain_cycle', params: { numbers: '1 → 3 → 2 → 1' } });
  });

  it('keeps followers following an inject that is renumbered, and leaves them to a controller when it is removed', async () => {
    const { run, add, rows } = await msel();
    const one = await add(1);
    await add(2, { type: 'after', inject: 1, minutes: 5 });
    await run('inject.edit', { id: one, number: 7 });
    expect((await rows()).map((i) => [i.number, i.trigger])).toEqual([[2, { type: 'after', inject: 7, minutes: 5 }], [7, { type: 'at', minutes: 10 }]]);
    await run('inject.remove', { id: one });
    expect((await rows()).map((i) => [i.number, i.trigger])).toEqual([[2, { type: 'manual' }]]);
  });

  it('renumbers the MSEL in the order given, chains following their injects', async () => {
    const { run, exerciseId, add, rows } = await msel();
    const a = await add(1);
    const b = await add(2, { type: 'after', inject: 1, minutes: 5 });
    const c = await add(3);
    await expect(run('inject.reorder', { exerciseId, order: [c, a] })).rejects.toMatchObject({ code: 'invalid_args' });
    await run('inject.reorder', { exerciseId, order: [c, b, a] });
    expect((await rows()).map((i) => [i.id, i.number, i.trigger])).toEqual([
      [c, 1, { type: 'at', minutes: 30 }],
      [b, 2, { type: 'after', inject: 3, minutes: 5 }],
      [a, 3, { type: 'at', minutes: 10 }],
    ]);
  });

  it('imports a whole MSEL in place of the old one, or nothing when one row breaks a rule', async () => {
    const { run, exerciseId, add, rows } = await msel();
    await add(1);
    await expect(run('inject.import', { exerciseId, injects: [injectRow(1), injectRow(1)] })).rejects.toMatchObject({ code: 'inject_number_taken' });
    await expect(run('inject.import', { exerciseId, injects: [injectRow(1), injectRow(2, { trigger: { type: 'after', inject: 9, minutes: 0 } })] })).rejects.toMatchObject({ code: 'invalid_args' });
    expect((await rows()).map((i) => i.subject)).toEqual(['Event 1']);
    await run('inject.import', { exerciseId, injects: [injectRow(1), injectRow(2, { trigger: { type: 'after', inject: 1, minutes: 0 } })] });
    expect((await rows()).map((i) => [i.number, i.subject, i.status])).toEqual([[1, 'E1', 'pending'], [2, 'E2', 'pending']]);
  });

  it('refuses a player writing the MSEL', async () => {
    const { run, exerciseId } = await msel();
    await expect(run('inject.add', injectRow(1, { exerciseId }), { actor: { userId: 'p', roles: ['operator'] } })).rejects.toMatchObject({ code: 'forbidden' });
  });
});

/** The file a spreadsheet gives back: written and read with the same neutralising as the app's CSV code. */
function throughCsv(records: string[][]): { header: string[]; records: MselCsvRecord[] } {
  const text = Papa.unparse({ fields: [...mselCsvColumns], data: records.map((r) => r.map(toCsvCell)) });
  const parsed = Papa.parse<MselCsvRecord>(text, { header: true, skipEmptyLines: 'greedy', transform: fromCsvCell });
  return { header: parsed.meta.fields ?? [], records: parsed.data };
}

describe('MSEL CSV', () => {
  it('gives back every inject field after export and import, formulas and line breaks included', async () => {
    const { add, run, rows } = await msel();
    const one = await add(1);
    await add(2, { type: 'after', inject: 1, minutes: 15 });
    const three = await add(3, { type: 'manual' });
    await run('inject.edit', { id: one, message: '=HYPERLINK("http://x")\nsecond line', expectedAction: '-Open the HICS 213 log', capability: 'Operational coordination' });
    await run('inject.edit', { id: three, method: 'warning_update' });
    const before = await rows();
    const { header, records } = throughCsv(injectsToCsvRecords(before));
    const checked = validateMselCsv(header, records);
    expect(checked).toMatchObject({ ok: true });
    const fields = (i: Inject) => ({ number: i.number, trigger: i.trigger, from: i.from, to: i.to, method: i.method, subject: i.subject, message: i.message, expectedAction: i.expectedAction, controller: i.controller ?? '', capability: i.capability ?? '' });
    expect(checked.ok && checked.injects.map((i) => fields({ ...i, id: '', space: '', exerciseId: '', status: 'pending', updatedAt: 0 }))).toEqual(before.map(fields));
  });

  it('names the row and column of every error at once', () => {
    const good = ['1', '00:10', '', 'Bus overturned', 'Caller reports a bus on its side', 'phone', 'Police', 'ic', 'Ctl A', 'Activate the MCI plan', 'Alerting'];
    const bad = ['1', '1h', '', '', 'text', 'fax', 'Police', 'ic', '', '', ''];
    const { header, records } = throughCsv([good, bad, ['3', '', '9', 'E', 'T', '', 'F', 'ic', '', '', '']]);
    expect(validateMselCsv(header, records)).toEqual({
      ok: false,
      errors: [
        { row: 3, column: 'time', reason: expect.stringContaining('hh:mm') as string },
        { row: 4, column: 'after', reason: 'there is no inject 9 to follow' },
      ],
    });
    const noNumber = throughCsv([good, ['1', '', '', 'E', 'T', 'message', 'F', 'ic', '', '', '']]);
    expect(validateMselCsv(noNumber.header, noNumber.records)).toEqual({ ok: false, errors: [{ row: 3, column: 'number', reason: 'inject 1 is already on row 2' }] });
    expect(validateMselCsv(['number', 'time'], [])).toMatchObject({ ok: false, errors: expect.arrayContaining([{ row: 1, column: 'inject_text', reason: 'missing column' }]) as unknown });
  });

  it('refuses a file whose chains come back on themselves', () => {
    const row = (n: string, after: string) => [n, '', after, `E${n}`, `T${n}`, 'message', 'F', 'ic', '', '', ''];
    const { header, records } = throughCsv([row('1', '2'), row('2', '1')]);
    expect(validateMselCsv(header, records)).toEqual({ ok: false, errors: [{ row: 2, column: 'after', reason: 'injects 1 → 2 → 1 follow one another in a circle' }] });
  });
});

describe('shipped scenarios', () => {
  it('ship the bus crash tabletop and the respiratory outbreak in both languages, with the same timings, chains and recipients', () => {
    for (const byLanguage of Object.values(scenarios)) {
      const shape = (s: Scenario) => s.injects.map((i) => [i.number, i.trigger, i.method, i.to]);
      expect(shape(byLanguage['zh-CN'])).toEqual(shape(byLanguage.en));
      const { injects } = byLanguage.en;
      expect(injects.length).toBeGreaterThanOrEqual(10);
      expect(injects.some((i) => i.trigger.type === 'after')).toBe(true);
      const last = Math.max(...injects.map((i) => (i.trigger.type === 'at' ? i.trigger.minutes : 0)));
      expect(last).toBeGreaterThanOrEqual(120);
      expect(last).toBeLessThanOrEqual(180);
      for (const inject of injects) expect(findPosition(inject.to), inject.to).toBeDefined();
    }
  });
});
