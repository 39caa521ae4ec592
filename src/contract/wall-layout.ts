import { z } from 'zod';

/**
 * The wall display's panels. `beds`, `staff` and `stock` show what the resources and roster features report, and
 * say "no data" rather than a made-up zero (`stock`: red holdings, then the items whose reserve is short of quota);
 * `region` shows district warnings and neighbouring hospitals' beds;
 * `casualties` the current incident's casualty counts by triage colour and disposition, and tag numbers (never names);
 * `checklists` the activated plan's checklist progress by section and position;
 * `recovery` check-out progress, recovery metrics and staff wellbeing as unit counts (never names).
 */
export const WallPanelIdSchema = z.enum(['map', 'figures', 'tasks', 'log', 'beds', 'staff', 'stock', 'region', 'warning', 'casualties', 'checklists', 'recovery']);
export type WallPanelId = z.infer<typeof WallPanelIdSchema>;
export const wallPanelIds = WallPanelIdSchema.options;

/** Pages of up to four panels each; with more than one page the wall turns the page every `rotateSeconds`. */
export const WallLayoutSchema = z.strictObject({
  pages: z.array(z.array(WallPanelIdSchema).min(1).max(4)).min(1).max(6),
  rotateSeconds: z.number().int().min(0).max(3600),
});
export type WallLayout = z.infer<typeof WallLayoutSchema>;

export const defaultWallLayout: WallLayout = { pages: [['map', 'figures', 'tasks', 'log']], rotateSeconds: 0 };
