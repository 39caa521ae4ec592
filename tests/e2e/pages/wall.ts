import type { Page } from '@playwright/test';

/** A name maplibre placed on the wall's map (src/renderer/features/map/map-probe.ts; canvas text is not in the DOM). */
export type WallMapLabel = { layer: string; name: string; size: number; allowOverlap: boolean };
type Probed = HTMLElement & { hccMapProbe?: { renderedLabels(): WallMapLabel[] } };

/** The names drawn on the wall's map right now, read through the map element's probe. */
export function wallMapLabels(page: Page): Promise<WallMapLabel[]> {
  return page.getByTestId('map-canvas-pane').evaluate((el) => (el as Probed).hccMapProbe?.renderedLabels() ?? []);
}
