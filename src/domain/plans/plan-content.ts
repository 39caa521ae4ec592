import { z } from 'zod';
import { PositionIdSchema } from '../hics';
import { IncidentTypeSchema, ResponseLevelSchema } from '../incidents';
import { TimeBandSchema } from '../board';
import { RoleSchema } from '../roles';
import { WarningGradeSchema } from '../warning';

/** Every text a plan holds, in both working languages: a bilingual hospital reads the same plan either way. */
export const PlanTextSchema = z.strictObject({
  'zh-CN': z.string().trim().min(1).max(4000),
  en: z.string().trim().min(1).max(4000),
});
export type PlanText = z.infer<typeof PlanTextSchema>;

/** The 4R cycle: every checklist item belongs to one phase: reduction, readiness, response, recovery. */
export const PlanPhaseSchema = z.enum(['reduction', 'readiness', 'response', 'recovery']);
export type PlanPhase = z.infer<typeof PlanPhaseSchema>;
export const planPhases = PlanPhaseSchema.options;

/** Chinese plans: comprehensive 综合, hazard-specific 专项, on-site/department 现场处置方案. */
export const PlanKindSchema = z.enum(['comprehensive', 'hazard', 'onsite']);

/** The outline Chinese plans follow: general → organisation → operating mechanism → support → recovery. */
export const SectionKeySchema = z.enum(['purpose', 'scope', 'activation', 'organisation', 'procedures', 'resources', 'communications', 'recovery']);
export type SectionKey = z.infer<typeof SectionKeySchema>;

export const PlanSectionSchema = z.strictObject({ key: SectionKeySchema, title: PlanTextSchema, body: PlanTextSchema });

/** Figures an activation criterion can be checked against, when someone has them (a proposal of ours, not a standard). */
export const CriterionMetricSchema = z.enum([
  'casualties_expected',
  'casualties_per_hour',
  'critical_casualties',
  'suspected_cases',
  'confirmed_cases',
  'deaths',
  'staff_infected',
  'ed_boarding',
]);
export type CriterionMetric = z.infer<typeof CriterionMetricSchema>;

const KeySchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/, { message: 'must be lowercase letters, digits and dashes' });

/**
 * When the plan is to be activated at a level: always the text a person judges by; optionally the early-warning
 * grade that calls for it and a figure that meets it, so the app can suggest the level (activation-criteria.ts).
 */
export const ActivationCriterionSchema = z.strictObject({
  id: KeySchema,
  level: ResponseLevelSchema,
  text: PlanTextSchema,
  warningGrade: WarningGradeSchema.optional(),
  metric: z.strictObject({ key: CriterionMetricSchema, min: z.number().int().min(0).max(1_000_000) }).optional(),
});
export type ActivationCriterion = z.infer<typeof ActivationCriterionSchema>;

/**
 * One checklist item: 4R phase × HICS position × JAS time band, and the response level from which it applies
 * (an item `fromLevel: 'II'` applies at II and I). `parentId` makes it a substep (WebEOC's steps and substeps).
 */
export const ChecklistItemTemplateSchema = z.strictObject({
  id: KeySchema,
  phase: PlanPhaseSchema,
  positionId: PositionIdSchema,
  band: TimeBandSchema,
  fromLevel: ResponseLevelSchema,
  text: PlanTextSchema,
  parentId: KeySchema.optional(),
  /** A due time tighter than the band's end, in minutes from when the item started to apply. */
  dueOffsetMin: z.number().int().min(1).max(7 * 24 * 60).optional(),
});
export type ChecklistItemTemplate = z.infer<typeof ChecklistItemTemplateSchema>;

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return [...new Set(values.filter((v) => seen.size === seen.add(v).size))];
}

/** What a plan version says: sections, activation criteria, checklist. Frozen once the version is approved. */
export const PlanContentSchema = z
  .strictObject({
    sections: z.array(PlanSectionSchema).min(1).max(20),
    activationCriteria: z.array(ActivationCriterionSchema).max(40),
    checklist: z.array(ChecklistItemTemplateSchema).max(1000),
  })
  .superRefine((content, ctx) => {
    for (const key of duplicates(content.sections.map((s) => s.key))) ctx.addIssue({ code: 'custom', path: ['sections'], message: `section ${key} appears twice` });
    for (const id of duplicates(content.activationCriteria.map((c) => c.id))) ctx.addIssue({ code: 'custom', path: ['activationCriteria'], message: `criterion id ${id} appears twice` });
    for (const id of duplicates(content.checklist.map((i) => i.id))) ctx.addIssue({ code: 'custom', path: ['checklist'], message: `checklist item id ${id} appears twice` });
    const byId = new Map(content.checklist.map((i) => [i.id, i]));
    content.checklist.forEach((item, index) => {
      if (item.parentId === undefined) return;
      const parent = byId.get(item.parentId);
      // A substep lives in its step's checklist, or the roll-up would count it on someone else's list.
      if (!parent || parent.parentId !== undefined || parent.positionId !== item.positionId || parent.phase !== item.phase) {
        ctx.addIssue({ code: 'custom', path: ['checklist', index, 'parentId'], message: `${item.id}: parent ${item.parentId} must be a top-level item of the same position and phase` });
      }
    });
  });
export type PlanContent = z.infer<typeof PlanContentSchema>;

/**
 * A plan as a file: what `resources/plans/*.json` hold and what `plan.import` takes. Identity and review settings
 * of the plan, and the content of its first version.
 */
export const PlanDocumentSchema = z.strictObject({
  code: z.string().trim().min(1).max(40),
  title: PlanTextSchema,
  kind: PlanKindSchema,
  hazards: z.array(IncidentTypeSchema).min(1).max(10),
  ownerDept: PlanTextSchema,
  /** The CMS rule reviews every 2 years; a hospital may set a shorter cycle. */
  reviewCycleMonths: z.number().int().min(1).max(60).default(24),
  /** The State Council's rule: special plans exercised at least every 3 years. */
  exerciseCycleMonths: z.number().int().min(1).max(60).default(36),
  /** Who approves a version: a role, named (e.g. the commander who chairs the emergency leading group). */
  approverRole: RoleSchema.default('incident_commander'),
  content: PlanContentSchema,
});
export type PlanDocument = z.infer<typeof PlanDocumentSchema>;
export type PlanDocumentInput = z.input<typeof PlanDocumentSchema>;
