/** The fields of Electron's `Display` the choice depends on; real displays satisfy it. */
export type DisplayInfo = {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
  workArea: { x: number; y: number; width: number; height: number };
  internal: boolean;
};

export type WallPlacement =
  | { kind: 'second-display'; display: DisplayInfo }
  | { kind: 'windowed'; bounds: { x: number; y: number; width: number; height: number } };

/**
 * The display for the wall: one that is not the operator's (primary). An external screen (the TV or projector)
 * beats a laptop's built-in panel, then the largest wins, then the lowest id so the choice is stable.
 */
export function chooseWallDisplay(displays: readonly DisplayInfo[], primaryId: number): DisplayInfo | null {
  const candidates = displays.filter((d) => d.id !== primaryId);
  const area = (d: DisplayInfo) => d.bounds.width * d.bounds.height;
  const ranked = [...candidates].sort(
    (a, b) => Number(a.internal) - Number(b.internal) || area(b) - area(a) || a.id - b.id,
  );
  return ranked[0] ?? null;
}

const WINDOWED = { width: 1280, height: 720 };

/** Fullscreen on a second display when there is one; otherwise a window on the operator's screen. */
export function placeWall(displays: readonly DisplayInfo[], primary: DisplayInfo): WallPlacement {
  const display = chooseWallDisplay(displays, primary.id);
  if (display) return { kind: 'second-display', display };
  const area = primary.workArea;
  const width = Math.min(WINDOWED.width, area.width);
  const height = Math.min(WINDOWED.height, area.height);
  return {
    kind: 'windowed',
    bounds: { x: area.x + Math.round((area.width - width) / 2), y: area.y + Math.round((area.height - height) / 2), width, height },
  };
}
