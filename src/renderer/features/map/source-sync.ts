import type * as maplibregl from 'maplibre-gl';
import type { MapFeature } from '../../../domain/map/map-features';
import { splitForSources, toGeo, type GeoFeature } from './feature-geojson';
import type { FeatureDiff, FeatureIndex } from './feature-index';

type SourceId = 'features' | 'cases';
type Diff = {
  add: GeoFeature[];
  remove: string[];
  update: { id: string; newGeometry: GeoFeature['geometry']; addOrUpdateProperties: { key: string; value: unknown }[] }[];
};
type Change = MapFeature | null;

/** Above this many changes in one frame a whole setData is cheaper than a diff (a catch-up pull, a reload). */
const DIFF_LIMIT = 500;

const sourceOf = (f: MapFeature): SourceId => (f.category === 'case' ? 'cases' : 'features');

function geoSource(map: maplibregl.Map, id: SourceId): maplibregl.GeoJSONSource | undefined {
  return map.getSource<maplibregl.GeoJSONSource>(id);
}

/**
 * Feeds the index's changes into the map's two GeoJSON sources. Changes are gathered and handed over once per
 * animation frame as `updateData` diffs (ids promoted from `properties.id`), so the worker re-tiles only what
 * moved rather than being sent every feature again. Also calls `onFlush` with the features it changed, for the
 * zone labels and the selection outline.
 */
export class SourceSync {
  private readonly shown = new Map<string, SourceId>();
  private readonly pending = new Map<string, Change>();
  private whole = true;
  private frame: number | null = null;
  private readonly stop: () => void;
  /** Features handed over as diffs since the start, and in the last whole send: the benchmark reads them off the pane. */
  applied = 0;
  sent = 0;

  constructor(
    private readonly map: maplibregl.Map,
    private readonly index: FeatureIndex,
    private readonly include: (f: MapFeature) => boolean,
    private readonly onFlush: (changed: readonly string[], whole: boolean) => void,
  ) {
    this.stop = index.onDiff((diff) => this.take(diff));
    this.schedule();
  }

  /** The filter changed (another incident): everything is re-sent once. */
  reset(): void {
    this.whole = true;
    this.schedule();
  }

  dispose(): void {
    this.stop();
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.frame = null;
  }

  private take(diff: FeatureDiff): void {
    for (const id of diff.removed) this.pending.set(id, null);
    for (const f of diff.upserted) this.pending.set(f.id, f);
    if (this.pending.size > DIFF_LIMIT) this.whole = true;
    this.schedule();
  }

  private schedule(): void {
    if (this.frame === null) this.frame = requestAnimationFrame(() => this.flush());
  }

  private flush(): void {
    this.frame = null;
    const changed = [...this.pending.keys()];
    if (this.whole) this.sendWhole();
    else this.sendDiff();
    const whole = this.whole;
    this.whole = false;
    this.pending.clear();
    this.onFlush(changed, whole);
  }

  private sendWhole(): void {
    const features = this.index.all().filter(this.include);
    const split = splitForSources(features);
    this.shown.clear();
    for (const f of features) this.shown.set(f.id, sourceOf(f));
    void geoSource(this.map, 'features')?.setData(split.features);
    void geoSource(this.map, 'cases')?.setData(split.cases);
    this.sent = features.length;
    // A mark for benchmarks and tests: when the map has finished drawing this many features.
    this.map.once('idle', () => performance.mark('hcc:map-drawn', { detail: { count: features.length } }));
  }

  private sendDiff(): void {
    const diffs: Record<SourceId, Diff> = {
      features: { add: [], remove: [], update: [] },
      cases: { add: [], remove: [], update: [] },
    };
    for (const [id, change] of this.pending) {
      const was = this.shown.get(id);
      const now = change && this.include(change) ? sourceOf(change) : undefined;
      if (was && was !== now) {
        diffs[was].remove.push(id);
        this.shown.delete(id);
      }
      if (!change || !now) continue;
      const geo = toGeo(change);
      if (was === now) diffs[now].update.push({ id, newGeometry: geo.geometry, addOrUpdateProperties: Object.entries(geo.properties).map(([key, value]) => ({ key, value })) });
      else diffs[now].add.push(geo);
      this.shown.set(id, now);
      this.applied++;
    }
    for (const id of ['features', 'cases'] as const) {
      const d = diffs[id];
      if (d.add.length + d.remove.length + d.update.length > 0) void geoSource(this.map, id)?.updateData(d);
    }
  }
}
