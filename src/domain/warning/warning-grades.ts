import { z } from 'zod';
import type { ResponseLevel } from '../incidents';

/** The four warning grades a rule raises (Shanghai's early-warning rules); red is the most serious. */
export const WarningGradeSchema = z.enum(['red', 'orange', 'yellow', 'blue']);
export type WarningGrade = z.infer<typeof WarningGradeSchema>;

const rank: Record<WarningGrade, number> = { red: 4, orange: 3, yellow: 2, blue: 1 };
export const gradeRank = (grade: WarningGrade): number => rank[grade];
export const higherGrade = (a: WarningGrade, b: WarningGrade): WarningGrade => (rank[a] >= rank[b] ? a : b);

/**
 * The default response level an incident opened from an alert starts at: the colours the levels already carry
 * (I red … IV blue). A space may map the grades otherwise (response-levels.ts).
 */
export const gradeResponseLevel: Record<WarningGrade, ResponseLevel> = { red: 'I', orange: 'II', yellow: 'III', blue: 'IV' };

const MINUTE = 60_000;
/** How long an alert may wait for someone to acknowledge it (our proposal; CIDARS's median is ~1 h). */
export const ackMinutes: Record<WarningGrade, number> = { red: 30, orange: 120, yellow: 24 * 60, blue: 72 * 60 };
/** How long the preliminary check (初步核实) may take once acknowledged, unless the duty officer sets a deadline. */
export const checkMinutes: Record<WarningGrade, number> = { red: 120, orange: 120, yellow: 24 * 60, blue: 72 * 60 };
export const ackDueAt = (grade: WarningGrade, from: number): number => from + ackMinutes[grade] * MINUTE;
export const checkDueAt = (grade: WarningGrade, from: number): number => from + checkMinutes[grade] * MINUTE;
