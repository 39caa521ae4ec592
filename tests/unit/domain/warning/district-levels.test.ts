import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../../src/domain/errors';
import { newId } from '../../../../src/domain/ids';
import type { DistrictWarning } from '../../../../src/domain/map/map-region';
import { runMutation } from '../../../../src/domain/mutators';
import { dayFromNumber } from '../../../../src/domain/warning/daily-series';
import { districtStatus, districtWarnings, indicatorToday } from '../../../../src/domain/warning/district-levels';
import { warningSettingsId } from '../../../../src/domain/warning/response-levels';
import { makeActor, makeContext } from '../../../fixtures/actors';
import { makeMemoryTx } from '../../../fixtures/memory-tx';
import { makeIndicator, makeSignal, makeVerifiedAlert } from '../../../fixtures/warning-alerts';

const TODAY = 20_000; // 2024-10-04
/** Fourteen calm days (alternating 4 and 6) ending `end` days before today, then `spike` on the last. */
const series = (spike: number, end = 0) =>
  Array.from({ length: 14 }, (_, i) => ({ date: dayFromNumber(TODAY - end - 13 + i), value: i === 13 ? spike : i % 2 ? 4 : 6 }));
const c1 = makeIndicator({ method: 'ears_c1', districtId: 'd-binhu' });

describe("an indicator's colour today", () => {
  it("is today's evaluation, else yesterday's while today's figure is not in, and nothing older", () => {
    expect(indicatorToday(c1, series(20), dayFromNumber(TODAY))).toEqual({ date: dayFromNumber(TODAY), level: 'red' });
    expect(indicatorToday(c1, series(20, 1), dayFromNumber(TODAY))).toEqual({ date: dayFromNumber(TODAY - 1), level: 'red' });
    expect(indicatorToday(c1, series(20, 2), dayFromNumber(TODAY))).toBeUndefined();
    expect(indicatorToday(c1, series(5), dayFromNumber(TODAY))).toMatchObject({ level: 'green' });
    expect(indicatorToday(c1, [], dayFromNumber(TODAY))).toBeUndefined();
  });
});

describe('district levels', () => {
  const manual = (level: DistrictWarning['level']): DistrictWarning => ({ id: newId(), space: 'demo-hospital', districtId: 'd-binhu', level, updatedAt: 1, updatedBy: 'u1' });

  it('takes the highest grade of the red/yellow indicators and open alerts naming the district; closed alerts and other districts do not count', () => {
    const yellow = makeIndicator({ districtId: 'd-binhu' });
    const elsewhere = makeIndicator({ districtId: 'd-gaoxin' });
    const orange = makeVerifiedAlert([makeSignal(yellow)], { grade: 'orange' });
    const closed = makeVerifiedAlert([makeSignal(yellow)], { grade: 'red', status: 'dismissed' });
    const warnings = districtWarnings({
      indicators: [yellow, elsewhere],
      todayOf: (i) => (i.id === yellow.id ? { date: '2024-10-04', level: 'yellow' } : { date: '2024-10-04', level: 'green' }),
      alerts: [orange, closed],
    });
    expect([...warnings.keys()]).toEqual(['d-binhu']);
    expect(warnings.get('d-binhu')).toMatchObject({ grade: 'orange', indicators: [{ id: yellow.id, level: 'yellow' }], alerts: [{ id: orange.id, grade: 'orange' }] });
  });

  it('lets a hand-set level stand over the warnings, reporting them beside it; without one the warnings show; with neither, no level', () => {
    const warnings = { districtId: 'd-binhu', grade: 'red' as const, indicators: [], alerts: [] };
    expect(districtStatus('d-binhu', manual('green'), warnings)).toMatchObject({ level: 'green', source: 'manual', warnings: { grade: 'red' } });
    expect(districtStatus('d-binhu', undefined, warnings)).toMatchObject({ level: 'red', source: 'warnings' });
    expect(districtStatus('d-binhu', undefined, undefined)).toEqual({ districtId: 'd-binhu', level: 'none', source: 'none' });
  });

  it('never calls a district nobody set and no warning names all clear: green only comes from a person', () => {
    expect(districtStatus('d-chengnan', undefined, undefined).level).not.toBe('green');
    expect(districtStatus('d-chengnan', manual('green'), undefined)).toMatchObject({ level: 'green', source: 'manual' });
  });
});

describe('the response level mapping', () => {
  it('needs command rights, and an incident opened from an alert starts at the mapped level', async () => {
    const tx = makeMemoryTx();
    const ctx = makeContext();
    const levels = { red: 'II', orange: 'II', yellow: 'III', blue: 'IV' } as const;
    const refused = await runMutation(tx, 'warning.setResponseLevels', { levels }, { ...ctx, actor: makeActor('operator') }).then(() => null, (e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: 'forbidden' });
    const bad = await runMutation(tx, 'warning.setResponseLevels', { levels: { red: 'V' } }, ctx).then(() => null, (e: unknown) => e);
    expect(bad).not.toBeNull();
    expect(await tx.get('warningSettings', warningSettingsId(ctx.space))).toBeUndefined();

    await runMutation(tx, 'warning.setResponseLevels', { levels }, ctx);
    const alert = makeVerifiedAlert([makeSignal(makeIndicator())], { space: ctx.space });
    await tx.put('alert', alert);
    const incidentId = newId();
    await runMutation(tx, 'alert.openIncident', { id: alert.id, incidentId, name: 'Influenza A cluster' }, ctx);
    expect(await tx.get('incident', incidentId)).toMatchObject({ level: 'II' });
  });
});
