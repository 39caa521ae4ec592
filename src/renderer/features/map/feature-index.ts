import type { MapFeature } from '../../../domain/map/map-features';

/** What changed in the index: features new or different, ids gone. */
export type FeatureDiff = { upserted: readonly MapFeature[]; removed: readonly string[] };
type DiffListener = (diff: FeatureDiff) => void;

/** How often React readers (lists, figures) see a new array at most; the map itself gets every diff at once. */
const PUBLISH_MS = 250;

/**
 * This space's map features by id, outside React. The map view listens to diffs and hands maplibre only what
 * changed; lists and figures read a snapshot republished at most every PUBLISH_MS, so ten moving points a second
 * neither re-render the page ten times nor re-send thousands of features to the map's worker.
 */
export class FeatureIndex {
  private readonly byId = new Map<string, MapFeature>();
  private readonly diffListeners = new Set<DiffListener>();
  private readonly snapshotListeners = new Set<() => void>();
  private snapshot: MapFeature[] = [];
  // -Infinity, not 0: performance.now() starts near 0 in a fresh page, which would delay the first snapshot.
  private lastPublish = Number.NEGATIVE_INFINITY;
  private publishTimer: ReturnType<typeof setTimeout> | null = null;
  loaded = false;

  get(id: string): MapFeature | undefined {
    return this.byId.get(id);
  }

  /** Every feature now, in the order they arrived (creation order from a full read). */
  all(): MapFeature[] {
    return [...this.byId.values()];
  }

  /** A full read: replaces the content and reports only the difference. */
  replace(features: readonly MapFeature[]): void {
    const next = new Map(features.map((f) => [f.id, f]));
    const removed = [...this.byId.keys()].filter((id) => !next.has(id));
    const upserted = features.filter((f) => {
      const old = this.byId.get(f.id);
      return !old || JSON.stringify(old) !== JSON.stringify(f);
    });
    this.byId.clear();
    for (const [id, f] of next) this.byId.set(id, f);
    this.loaded = true;
    this.emit({ upserted, removed });
  }

  /** A partial read (the rows a `changed` event named). */
  apply(diff: FeatureDiff): void {
    for (const id of diff.removed) this.byId.delete(id);
    for (const f of diff.upserted) this.byId.set(f.id, f);
    this.emit(diff);
  }

  onDiff(listener: DiffListener): () => void {
    this.diffListeners.add(listener);
    return () => this.diffListeners.delete(listener);
  }

  /** For useSyncExternalStore. */
  subscribe = (listener: () => void): (() => void) => {
    this.snapshotListeners.add(listener);
    return () => this.snapshotListeners.delete(listener);
  };

  getSnapshot = (): MapFeature[] => this.snapshot;

  /** Drops a pending republish (the page is going away); listeners leave through their own unsubscribe. */
  dispose(): void {
    if (this.publishTimer) clearTimeout(this.publishTimer);
    this.publishTimer = null;
  }

  private emit(diff: FeatureDiff): void {
    if (diff.upserted.length === 0 && diff.removed.length === 0 && this.lastPublish !== Number.NEGATIVE_INFINITY) return;
    for (const listener of this.diffListeners) listener(diff);
    this.schedulePublish();
  }

  // Leading edge when quiet (a single edit shows at once), then at most once per PUBLISH_MS while changes flow.
  private schedulePublish(): void {
    if (this.publishTimer) return;
    const wait = Math.max(0, this.lastPublish + PUBLISH_MS - performance.now());
    if (wait === 0) this.publish();
    else this.publishTimer = setTimeout(() => this.publish(), wait);
  }

  private publish(): void {
    this.publishTimer = null;
    this.lastPublish = performance.now();
    this.snapshot = this.all();
    for (const listener of this.snapshotListeners) listener();
  }
}
