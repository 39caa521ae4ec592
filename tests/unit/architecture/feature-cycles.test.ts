import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Which features each feature uses at run time, read from the `../<feature>` value imports of its files. A cycle between two
 * features' indexes breaks at load time, not at compile time: the first module of the cycle sees the other's
 * zod schemas still undefined ("Cannot read properties of undefined (reading 'default')").
 */
function featureGraph(layer: string): Map<string, Set<string>> {
  const root = join(import.meta.dirname, '../../..', layer);
  const features = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  const graph = new Map<string, Set<string>>();
  for (const feature of features) {
    const uses = new Set<string>();
    const files = readdirSync(join(root, feature), { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f));
    for (const file of files) {
      const source = readFileSync(join(root, feature, file), 'utf8');
      // `import type` is erased before the code runs, so it cannot take part in a load-order cycle.
      for (const [, other] of source.matchAll(/^import (?!type )[^;]*? from '\.\.\/([^./'][^/']*)'/gm)) {
        if (other && features.includes(other) && other !== feature) uses.add(other);
      }
    }
    graph.set(feature, uses);
  }
  return graph;
}

function findCycle(graph: Map<string, Set<string>>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === 'done') return null;
    if (state.get(node) === 'open') return [...path.slice(path.indexOf(node)), node];
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

describe('features depend on each other one way', () => {
  it('finds the uses between domain features', () => {
    expect(featureGraph('src/domain').get('board')?.has('incidents')).toBe(true);
  });

  it('has no cycle between domain features', () => {
    expect(findCycle(featureGraph('src/domain'))).toBeNull();
  });

  it('has no cycle between renderer features', () => {
    expect(findCycle(featureGraph('src/renderer/features'))).toBeNull();
  });

  it('reports a cycle when there is one', () => {
    const graph = new Map([['a', new Set(['b'])], ['b', new Set(['c'])], ['c', new Set(['a'])]]);
    expect(findCycle(graph)).toEqual(['a', 'b', 'c', 'a']);
  });
});
