import { z } from 'zod';
import { derivedId, SpaceIdSchema, StoredEpochMsSchema, IdSchema } from '../ids';
import { ResponseLevelSchema, type ResponseLevel } from '../incidents';
import type { Tx } from '../mutation';
import { gradeResponseLevel, type WarningGrade } from './warning-grades';

/** Which response level (I–IV) each warning grade opens an incident at: the hospital's own plan decides it. */
export const ResponseLevelMapSchema = z.strictObject({ red: ResponseLevelSchema, orange: ResponseLevelSchema, yellow: ResponseLevelSchema, blue: ResponseLevelSchema });
export type ResponseLevelMap = z.infer<typeof ResponseLevelMapSchema>;

/**
 * A space's early-warning settings (kind `warningSettings`), one record per space. A space without one uses the
 * defaults (red I … blue IV, the colours the levels already carry), so nothing has to be set up before a first alert.
 */
export const WarningSettingsSchema = z.object({
  id: IdSchema,
  space: SpaceIdSchema,
  responseLevels: ResponseLevelMapSchema,
  updatedAt: StoredEpochMsSchema,
  updatedBy: z.string(),
});
export type WarningSettings = z.infer<typeof WarningSettingsSchema>;

/** One id per space, whichever desk writes first: two desks changing the mapping offline converge on one record. */
export const warningSettingsId = (space: string): string => derivedId(space, 'warningSettings');

export const defaultResponseLevels: ResponseLevelMap = { ...gradeResponseLevel };

export function responseLevelsOf(settings: Pick<WarningSettings, 'responseLevels'> | undefined): ResponseLevelMap {
  return settings?.responseLevels ?? defaultResponseLevels;
}

export async function responseLevelFor(tx: Tx, space: string, grade: WarningGrade): Promise<ResponseLevel> {
  return responseLevelsOf(await tx.get('warningSettings', warningSettingsId(space)))[grade];
}
