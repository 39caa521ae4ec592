import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WALL_METHODS } from '../../../electron/preload/channels';

const features = join(import.meta.dirname, '../../../src/renderer/features');

/** The wall window's own files: the wall feature (its operator-side setup aside) and each feature's Wall* panel. */
function wallFiles(): string[] {
  const own = readdirSync(join(features, 'wall'))
    .filter((f) => /\.tsx?$/.test(f) && f !== 'WallSetup.tsx')
    .map((f) => join(features, 'wall', f));
  const panels = readdirSync(features, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'wall')
    .flatMap((d) => readdirSync(join(features, d.name)).filter((f) => /^Wall.*\.tsx$/.test(f)).map((f) => join(features, d.name, f)));
  return [...own, ...panels];
}

describe('the wall window may read what its panels read', () => {
  it('finds the panels of several features', () => {
    expect(wallFiles().length).toBeGreaterThan(8);
  });

  it.each(wallFiles().map((f) => [f.slice(features.length + 1), f]))('%s reads only methods the wall preload lets through', (_name, file) => {
    const source = readFileSync(file, 'utf8');
    const methods = [...source.matchAll(/\b(?:useLive|call)\(\s*'([a-zA-Z]+\.[a-zA-Z]+)'/g)].map((m) => m[1]);
    // The main process refuses any other method from the wall window (electron/main/ipc-gate.ts): the panel would
    // show an error on the desktop wall while the web host, which has no such gate, shows it fine.
    for (const method of methods) expect(WALL_METHODS as readonly string[], `${method} in ${file}`).toContain(method);
  });
});
