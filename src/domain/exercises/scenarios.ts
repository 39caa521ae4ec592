import { z } from 'zod';
import busCrashEn from '../../../resources/exercises/bus-crash-tabletop.en.json';
import busCrashZh from '../../../resources/exercises/bus-crash-tabletop.zh-CN.json';
import outbreakEn from '../../../resources/exercises/respiratory-outbreak-functional.en.json';
import outbreakZh from '../../../resources/exercises/respiratory-outbreak-functional.zh-CN.json';
import { ExerciseTypeSchema } from './exercise';
import { mselCsvColumns, validateMselCsv, type InjectFields } from './msel-csv';

export const ScenarioKeySchema = z.enum(['bus-crash-tabletop', 'respiratory-outbreak-functional']);
export type ScenarioKey = z.infer<typeof ScenarioKeySchema>;
export const ScenarioLanguageSchema = z.enum(['zh-CN', 'en']);
export type ScenarioLanguage = z.infer<typeof ScenarioLanguageSchema>;

const ScenarioFileSchema = z.object({
  key: ScenarioKeySchema,
  language: ScenarioLanguageSchema,
  name: z.string().min(1),
  type: ExerciseTypeSchema,
  hazard: z.string(),
  summary: z.string(),
  injects: z.array(z.record(z.enum(mselCsvColumns), z.string())),
});

export type Scenario = Omit<z.infer<typeof ScenarioFileSchema>, 'injects'> & { injects: InjectFields[] };

/** A shipped scenario, its rows checked exactly as a CSV file's would be: a broken edit fails at start-up. */
function load(file: unknown): Scenario {
  const parsed = ScenarioFileSchema.parse(file);
  const checked = validateMselCsv(mselCsvColumns, parsed.injects);
  if (!checked.ok) throw new Error(`scenario ${parsed.key} (${parsed.language}): ${JSON.stringify(checked.errors)}`);
  return { ...parsed, injects: checked.injects };
}

/** The scenarios shipped under resources/exercises, embedded (the domain does no I/O), by key and language. */
export const scenarios: Readonly<Record<ScenarioKey, Readonly<Record<ScenarioLanguage, Scenario>>>> = {
  'bus-crash-tabletop': { en: load(busCrashEn), 'zh-CN': load(busCrashZh) },
  'respiratory-outbreak-functional': { en: load(outbreakEn), 'zh-CN': load(outbreakZh) },
};
