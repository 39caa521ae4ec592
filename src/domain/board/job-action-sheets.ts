import { z } from 'zod';
import { PositionIdSchema } from '../hics';
import { ItemIdSchema } from './tasks';
import enFinance from '../../../resources/job-action-sheets/en/finance.json';
import enIc from '../../../resources/job-action-sheets/en/ic.json';
import enLiaison from '../../../resources/job-action-sheets/en/liaison.json';
import enLogistics from '../../../resources/job-action-sheets/en/logistics.json';
import enMedTech from '../../../resources/job-action-sheets/en/med-tech.json';
import enOps from '../../../resources/job-action-sheets/en/ops.json';
import enPio from '../../../resources/job-action-sheets/en/pio.json';
import enPlanning from '../../../resources/job-action-sheets/en/planning.json';
import enSafety from '../../../resources/job-action-sheets/en/safety.json';
import zhFinance from '../../../resources/job-action-sheets/zh-CN/finance.json';
import zhIc from '../../../resources/job-action-sheets/zh-CN/ic.json';
import zhLiaison from '../../../resources/job-action-sheets/zh-CN/liaison.json';
import zhLogistics from '../../../resources/job-action-sheets/zh-CN/logistics.json';
import zhMedTech from '../../../resources/job-action-sheets/zh-CN/med-tech.json';
import zhOps from '../../../resources/job-action-sheets/zh-CN/ops.json';
import zhPio from '../../../resources/job-action-sheets/zh-CN/pio.json';
import zhPlanning from '../../../resources/job-action-sheets/zh-CN/planning.json';
import zhSafety from '../../../resources/job-action-sheets/zh-CN/safety.json';

export const JasLanguageSchema = z.enum(['zh-CN', 'en']);
export type JasLanguage = z.infer<typeof JasLanguageSchema>;

/** HICS Job Action Sheet time bands: immediate 0-2 h, intermediate 2-12 h, extended beyond 12 h, demobilisation. */
export const TimeBandSchema = z.enum(['immediate', 'intermediate', 'extended', 'demobilisation']);
export type TimeBand = z.infer<typeof TimeBandSchema>;

export const JobActionSheetSchema = z.strictObject({
  positionId: PositionIdSchema,
  language: JasLanguageSchema,
  version: z.number().int().min(1),
  title: z.string().trim().min(1).max(200),
  mission: z.string().trim().min(1).max(1000),
  items: z
    .array(z.strictObject({ id: ItemIdSchema, band: TimeBandSchema, text: z.string().trim().min(1).max(300) }))
    .min(1)
    .refine((items) => new Set(items.map((i) => i.id)).size === items.length, { message: 'item ids must be unique' }),
});
export type JobActionSheet = z.infer<typeof JobActionSheetSchema>;

/**
 * The shipped sheets, embedded rather than read from disk: the domain does no I/O, and a mutator must find the
 * same sheet on the workstation and on the server. Parsed at load, so a broken edit fails at start-up and in
 * tests, never half-way through an incident.
 */
export const jobActionSheets: readonly JobActionSheet[] = [
  enIc, enPio, enLiaison, enSafety, enMedTech, enOps, enPlanning, enLogistics, enFinance,
  zhIc, zhPio, zhLiaison, zhSafety, zhMedTech, zhOps, zhPlanning, zhLogistics, zhFinance,
].map((raw) => JobActionSheetSchema.parse(raw));

export function findSheet(positionId: string, language: JasLanguage): JobActionSheet | undefined {
  return jobActionSheets.find((s) => s.positionId === positionId && s.language === language);
}

export const timeBands = TimeBandSchema.options;
