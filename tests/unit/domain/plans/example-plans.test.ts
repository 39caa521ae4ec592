import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { examplePlans } from '../../../../src/domain/plans/example-plans';
import { PlanContentSchema, PlanDocumentSchema, planPhases } from '../../../../src/domain/plans/plan-content';
import { suggestedLevel } from '../../../../src/domain/plans/activation-criteria';

const dir = join(__dirname, '../../../../resources/plans');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('the example plans in resources/plans', () => {
  it.each(files)('%s is a valid plan document', (file) => {
    const parsed = PlanDocumentSchema.safeParse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it.each(Object.entries(examplePlans))('%s has all four phases, all four levels and the whole outline', (_key, doc) => {
    expect(new Set(doc.content.checklist.map((i) => i.phase))).toEqual(new Set(planPhases));
    expect(new Set(doc.content.activationCriteria.map((c) => c.level))).toEqual(new Set(['I', 'II', 'III', 'IV']));
    expect(doc.content.sections.map((s) => s.key)).toEqual(['purpose', 'scope', 'activation', 'organisation', 'procedures', 'resources', 'communications', 'recovery']);
    // Response items exist at the least serious level for the commander, so any activation gives command a list.
    expect(doc.content.checklist.some((i) => i.phase === 'response' && i.positionId === 'ic' && i.fromLevel === 'IV' && i.band === 'immediate')).toBe(true);
  });

  it('suggests the mass-casualty level from expected and critical casualties', () => {
    const content = examplePlans.mass_casualty.content;
    expect(suggestedLevel(content, { metrics: { casualties_expected: 2 } })).toBeUndefined();
    expect(suggestedLevel(content, { metrics: { casualties_expected: 12 } })?.level).toBe('III');
    expect(suggestedLevel(content, { metrics: { casualties_expected: 12, critical_casualties: 11 } })?.level).toBe('II');
    expect(suggestedLevel(content, { metrics: { casualties_expected: 60 } })?.level).toBe('I');
  });

  it('suggests the respiratory level from the warning grade', () => {
    const content = examplePlans.respiratory_infection.content;
    expect(suggestedLevel(content, { warningGrade: 'yellow' })?.level).toBe('III');
    expect(suggestedLevel(content, { warningGrade: 'orange' })?.level).toBe('II');
    expect(suggestedLevel(content, { warningGrade: 'red' })?.level).toBe('I');
    expect(suggestedLevel(content, { warningGrade: 'yellow', metrics: { staff_infected: 2 } })?.level).toBe('II');
  });
});

describe('plan content rules', () => {
  const base = examplePlans.mass_casualty.content;
  it('refuses duplicate item ids and a substep on another position’s list', () => {
    const first = base.checklist[0];
    if (!first) throw new Error('empty example');
    const dup = PlanContentSchema.safeParse({ ...base, checklist: [...base.checklist, first] });
    expect(dup.success).toBe(false);
    const stray = PlanContentSchema.safeParse({ ...base, checklist: [...base.checklist, { ...first, id: 'stray', positionId: 'pio', parentId: 'cc-tags' }] });
    expect(stray.success ? '' : stray.error.issues[0]?.message).toMatch(/parent cc-tags/);
  });

  it('refuses an item for a position HICS does not have', () => {
    const first = base.checklist[0];
    if (!first) throw new Error('empty example');
    expect(PlanContentSchema.safeParse({ ...base, checklist: [{ ...first, positionId: 'ops.catering' }] }).success).toBe(false);
  });
});
