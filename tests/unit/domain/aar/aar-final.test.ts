import { describe, expect, it } from 'vitest';
import type { Aar } from '../../../../src/domain/aar';
import { aarDocument } from '../../../../src/domain/aar/aar-document';
import { exerciseAarDocument } from '../../../../src/domain/aar/exercise-aar-document';
import type { Incident } from '../../../../src/domain/incidents';
import { newId } from '../../../../src/domain/ids';
import { runMutation } from '../../../../src/domain/mutators';
import { documentText } from '../../../../src/domain/reports';
import { makeActor, makeContext } from '../../../fixtures/actors';
import { makeMemoryTx } from '../../../fixtures/memory-tx';
import { at, HOUR, T0 } from '../board-fixture';
import { closedIncidentWorld, planningChief } from './aar-fixture';

const print = { actions: [], planCodes: new Map<string, string>(), sectionTitle: () => '', timeZone: 'Asia/Shanghai', hospital: 'Demo' };

async function draftedWorld() {
  const w = await closedIncidentWorld();
  const improvementId = newId();
  await w.command('aar.draft', { incidentId: w.incidentId }, at(310));
  await w.command('aar.edit', { incidentId: w.incidentId, summary: 'Two buses, six casualties.', improvements: [{ id: improvementId, text: 'Blood bank called late' }] }, at(311));
  const aar = async () => (await w.tx.get('aar', w.aarId)) as Aar;
  const incident = async () => (await w.tx.get('incident', w.incidentId)) as Incident;
  return { ...w, improvementId, aar, incident };
}

describe('finalising an incident’s after-action report', () => {
  it('records who made it final and when, then refuses the writers’ edits and a refresh with aar_final, and changes nothing', async () => {
    const w = await draftedWorld();
    await w.runAs('aar.finalize', { incidentId: w.incidentId }, at(320), planningChief);
    const final = await w.aar();
    expect(final.final).toEqual({ at: T0 + 320 * 60_000, by: planningChief.userId });
    await expect(w.command('aar.edit', { incidentId: w.incidentId, summary: 'rewritten' }, at(321))).rejects.toMatchObject({ code: 'aar_final', params: { by: planningChief.userId }, message: expect.stringContaining('reopen it') as string });
    await expect(w.command('aar.edit', { incidentId: w.incidentId, strengths: [{ id: newId(), text: 'late praise' }] }, at(321))).rejects.toMatchObject({ code: 'aar_final' });
    await expect(w.command('aar.refresh', { incidentId: w.incidentId }, at(322))).rejects.toMatchObject({ code: 'aar_final' });
    await expect(w.command('aar.finalize', { incidentId: w.incidentId }, at(323))).rejects.toMatchObject({ code: 'invalid_transition' });
    expect(await w.aar()).toEqual(final);
  });

  it('keeps the improvement plan alive after final: corrective actions are still added and updated', async () => {
    const w = await draftedWorld();
    await w.command('aar.finalize', { incidentId: w.incidentId }, at(320));
    const id = newId();
    await w.command('correctiveAction.add', { id, incidentId: w.incidentId, improvementId: w.improvementId, action: 'Call the blood bank at activation', owner: 'Transfusion service', dueAt: T0 + 30 * 24 * HOUR }, at(330));
    await w.command('correctiveAction.update', { id, status: 'in_progress' }, at(331));
    expect(await w.tx.get('correctiveAction', id)).toMatchObject({ status: 'in_progress' });
  });

  it('is finalised and reopened only by a writer of AARs; an operator is refused', async () => {
    const w = await draftedWorld();
    await expect(w.run('aar.finalize', { incidentId: w.incidentId }, at(320))).rejects.toMatchObject({ code: 'forbidden', params: { permission: 'aar.write' } });
    await w.command('aar.finalize', { incidentId: w.incidentId }, at(321));
    await expect(w.run('aar.reopen', { incidentId: w.incidentId, reason: 'typo' }, at(322))).rejects.toMatchObject({ code: 'forbidden' });
    expect((await w.aar()).final).toBeDefined();
  });

  it('reopens to draft only with a reason, keeps the undone sign-off and the reason, and takes edits again', async () => {
    const w = await draftedWorld();
    await expect(w.command('aar.reopen', { incidentId: w.incidentId, reason: 'x' }, at(319))).rejects.toMatchObject({ code: 'invalid_transition', params: { status: 'draft' } });
    await w.command('aar.finalize', { incidentId: w.incidentId }, at(320));
    await expect(w.command('aar.reopen', { incidentId: w.incidentId, reason: '   ' }, at(321))).rejects.toMatchObject({ code: 'invalid_args' });
    expect((await w.aar()).final).toBeDefined();
    await w.runAs('aar.reopen', { incidentId: w.incidentId, reason: 'Blood bank figures were corrected' }, at(330), planningChief);
    const reopened = await w.aar();
    expect(reopened.final).toBeUndefined();
    expect(reopened.reopenings).toEqual([{ at: T0 + 330 * 60_000, by: planningChief.userId, reason: 'Blood bank figures were corrected', final: { at: T0 + 320 * 60_000, by: 'user-incident_commander' } }]);
    await w.command('aar.edit', { incidentId: w.incidentId, summary: 'Two buses, seven casualties.' }, at(331));
    expect((await w.aar()).summary).toBe('Two buses, seven casualties.');
  });

  it('prints DRAFT on the banner and every page’s footer until final, then FINAL with who and when', async () => {
    const w = await draftedWorld();
    const draft = aarDocument({ ...print, aar: await w.aar(), incident: await w.incident(), exercise: false }, 'en');
    expect(draft.banner).toBe('DRAFT');
    expect(draft.footer).toMatch(/DRAFT$/);
    await w.command('aar.finalize', { incidentId: w.incidentId }, at(320));
    for (const [lang, word] of [['en', 'FINAL'], ['zh-CN', '定稿']] as const) {
      const final = aarDocument({ ...print, aar: await w.aar(), incident: await w.incident(), exercise: false }, lang);
      expect(final.banner).toContain(word);
      expect(final.banner).toContain('user-incident_commander');
      expect(final.footer).toMatch(new RegExp(`${word}$`));
      expect(documentText(final)).not.toMatch(/DRAFT|草稿/);
    }
  });
});

describe('finalising an exercise’s AAR/IP', () => {
  const SPACE = 'exercise-aar-final';
  const facilitator = makeActor('exercise_facilitator');
  const run = (tx: ReturnType<typeof makeMemoryTx>, name: Parameters<typeof runMutation>[1], args: unknown, actor = facilitator) =>
    runMutation(tx, name, args, makeContext({ at: T0 + HOUR, actor, space: SPACE, spaceKind: 'exercise' }));

  it('is the facilitator’s (exercise.control): Planning may write it but not sign it off; the PDF then reads EXERCISE and FINAL', async () => {
    const tx = makeMemoryTx();
    const exerciseId = newId();
    await run(tx, 'exercise.create', { id: exerciseId, name: 'Bus crash tabletop', type: 'tabletop', objectives: [{ id: 'O1', text: 'Open the HCC', capability: 'Operational coordination' }], participants: [] });
    await run(tx, 'exercise.start', { id: exerciseId });
    await run(tx, 'exercise.end', { id: exerciseId });
    await run(tx, 'aar.draftExercise', { exerciseId });
    await run(tx, 'aar.edit', { incidentId: exerciseId, summary: 'Opened on time.' }, planningChief);
    await expect(run(tx, 'aar.finalize', { incidentId: exerciseId }, planningChief)).rejects.toMatchObject({ code: 'forbidden', params: { permission: 'exercise.control' } });
    await run(tx, 'aar.finalize', { incidentId: exerciseId });
    await expect(run(tx, 'aar.edit', { incidentId: exerciseId, summary: 'again' }, planningChief)).rejects.toMatchObject({ code: 'aar_final' });
    const aar = (await tx.query('aar', SPACE))[0] as Aar;
    if (!aar.exercise) throw new Error('no exercise sections');
    const doc = exerciseAarDocument({ ...print, aar, exercise: aar.exercise }, 'en');
    expect(doc.banner).toMatch(/^EXERCISE EXERCISE EXERCISE {2}FINAL: user-exercise_facilitator, /);
    expect(doc.footer).toMatch(/Exercise · FINAL$/);
  });
});
