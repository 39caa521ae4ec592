import { z } from 'zod';

/**
 * Triage categories shared by START, JumpSTART and SALT: immediate (red), delayed (yellow), minor (green),
 * expectant (grey, SALT only: alive but unlikely to survive the resources at hand) and dead (black).
 */
export const TriageCategorySchema = z.enum(['immediate', 'delayed', 'minor', 'expectant', 'dead']);
export type TriageCategory = z.infer<typeof TriageCategorySchema>;

/** START for adults, JumpSTART for children (about 1–8 years), SALT where the hospital uses it. */
export const TriageSystemSchema = z.enum(['START', 'JumpSTART', 'SALT']);
export type TriageSystem = z.infer<typeof TriageSystemSchema>;

/** What a triage officer checks, in the order the algorithms ask it. Unchecked findings stay undefined. */
export type TriageFindings = {
  walking: boolean;
  breathing: boolean;
  /** After the airway is repositioned (asked only when not breathing). */
  breathingAfterAirway?: boolean;
  respiratoryRate?: number;
  /** Radial pulse present (START), or any palpable peripheral pulse (JumpSTART). */
  pulse?: boolean;
  capillaryRefillSeconds?: number;
  /** START: follows simple commands. */
  followsCommands?: boolean;
  /** JumpSTART: breathing after five rescue breaths (asked when not breathing but with a pulse). */
  breathingAfterRescueBreaths?: boolean;
  /** JumpSTART: AVPU is A or V, or P with appropriate response (localises or withdraws). */
  avpuAppropriate?: boolean;
};

/**
 * START (Simple Triage And Rapid Treatment): walking → minor; not breathing after airway repositioning → dead;
 * respiratory rate over 30, no radial pulse or capillary refill over 2 s, or not following commands → immediate;
 * otherwise delayed.
 */
export function startTriage(f: TriageFindings): TriageCategory {
  if (f.walking) return 'minor';
  if (!f.breathing) return f.breathingAfterAirway ? 'immediate' : 'dead';
  if (f.respiratoryRate !== undefined && f.respiratoryRate > 30) return 'immediate';
  if (f.pulse === false || (f.capillaryRefillSeconds !== undefined && f.capillaryRefillSeconds > 2)) return 'immediate';
  if (f.followsCommands === false) return 'immediate';
  return 'delayed';
}

/**
 * JumpSTART (Romig) for children: walking → minor; not breathing after airway positioning → with a pulse, five
 * rescue breaths (breathing then → immediate, else dead), without a pulse → dead; respiratory rate under 15 or
 * over 45 → immediate; no palpable peripheral pulse → immediate; inappropriate AVPU (P without localising, or U)
 * → immediate; otherwise delayed.
 */
export function jumpStartTriage(f: TriageFindings): TriageCategory {
  if (f.walking) return 'minor';
  if (!f.breathing) {
    if (f.breathingAfterAirway) return 'immediate';
    if (!f.pulse) return 'dead';
    return f.breathingAfterRescueBreaths ? 'immediate' : 'dead';
  }
  if (f.respiratoryRate !== undefined && (f.respiratoryRate < 15 || f.respiratoryRate > 45)) return 'immediate';
  if (f.pulse === false) return 'immediate';
  if (f.avpuAppropriate === false) return 'immediate';
  return 'delayed';
}
