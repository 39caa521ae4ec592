import { readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UnreadableStoreError } from '../../../src/workstation/sqlite';
import { createWorkstation } from '../../../src/workstation/workstation';
import { makeIncidentArgs, makeTempDir } from '../../fixtures/workstation';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function dataDir(): string {
  const { dir, cleanup } = makeTempDir();
  cleanups.push(cleanup);
  return dir;
}

/** A real store with pending work in it, closed (and so checkpointed into the one file). */
async function storeWithWork(dir: string): Promise<string> {
  const ws = createWorkstation({ dataDir: dir });
  for (let i = 0; i < 40; i++) await ws.call('mutate', { name: 'incident.declare', args: makeIncidentArgs({ name: `Incident ${i} ${'x'.repeat(150)}` }) });
  await ws.close();
  return join(dir, 'workstation.sqlite');
}

function refusal(dir: string): unknown {
  try {
    createWorkstation({ dataDir: dir });
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('opening a damaged workstation file', () => {
  it('refuses a zero-byte file by name and leaves it as it was, instead of starting an empty store', () => {
    const dir = dataDir();
    const file = join(dir, 'workstation.sqlite');
    writeFileSync(file, '');
    const error = refusal(dir);
    expect(error).toBeInstanceOf(UnreadableStoreError);
    expect((error as Error).message).toContain(file);
    expect((error as Error).message).toContain('is empty (0 bytes)');
    expect(statSync(file).size).toBe(0);
  });

  it('refuses a store cut short and leaves its bytes untouched', async () => {
    const dir = dataDir();
    const file = await storeWithWork(dir);
    truncateSync(file, Math.floor(statSync(file).size / 2));
    const before = readFileSync(file);
    const error = refusal(dir);
    expect(error).toBeInstanceOf(UnreadableStoreError);
    expect((error as Error).message).toMatch(/is cut short \(\d+ of \d+ bytes\)/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a file that is not a SQLite database and leaves its bytes untouched', () => {
    const dir = dataDir();
    const file = join(dir, 'workstation.sqlite');
    const text = Buffer.from('incident notes, saved over the store by mistake\n'.repeat(200));
    writeFileSync(file, text);
    const error = refusal(dir);
    expect(error).toBeInstanceOf(UnreadableStoreError);
    expect((error as Error).message).toContain('is not a SQLite database');
    expect(readFileSync(file).equals(text)).toBe(true);
  });

  it('still starts a new store where there is no file, and reopens a whole one with its outbox', async () => {
    const dir = dataDir();
    await storeWithWork(dir);
    const ws = createWorkstation({ dataDir: dir });
    expect(ws.store.pendingCount()).toBe(40);
    await ws.close();
    const fresh = createWorkstation({ dataDir: dataDir() });
    expect(fresh.store.pendingCount()).toBe(0);
    await fresh.close();
  });
});
