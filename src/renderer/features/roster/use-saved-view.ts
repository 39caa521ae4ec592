import { useCallback, useState } from 'react';
import { z } from 'zod';
import { ProfessionSchema } from '../../../domain/roster/staff';

const KEY = 'hcc.roster.view';

/** What a planner's desk was looking at: kept per browser profile, so a reload (or the next shift) opens there. */
const SavedViewSchema = z.object({
  unit: z.string().optional(),
  role: ProfessionSchema.optional(),
  pattern: z.enum(['2x12', '3x8', 'custom']).optional(),
  days: z.union([z.literal(7), z.literal(28)]).optional(),
  week: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
});
export type SavedView = z.infer<typeof SavedViewSchema>;

function read(): SavedView {
  try {
    const parsed = SavedViewSchema.safeParse(JSON.parse(localStorage.getItem(KEY) ?? '{}'));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

export function useSavedView(): [SavedView, (patch: SavedView) => void] {
  const [view, setView] = useState<SavedView>(read);
  const save = useCallback((patch: SavedView) => {
    setView((current) => {
      const next = { ...current, ...patch };
      localStorage.setItem(KEY, JSON.stringify(next));
      return next;
    });
  }, []);
  return [view, save];
}
