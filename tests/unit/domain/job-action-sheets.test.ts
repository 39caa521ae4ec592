import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newId } from '../../../src/domain/ids';
import { jobActionSheets, JobActionSheetSchema, timeBands, type JobActionSheet } from '../../../src/domain/board/job-action-sheets';
import { boardWorld, HOUR, T0 } from './board-fixture';

const root = join(import.meta.dirname, '../../../resources/job-action-sheets');
const languages = ['en', 'zh-CN'] as const;

function loadFromDisk(): Map<string, JobActionSheet> {
  const sheets = new Map<string, JobActionSheet>();
  for (const language of languages) {
    for (const file of readdirSync(join(root, language)).filter((f) => f.endsWith('.json'))) {
      const sheet = JobActionSheetSchema.parse(JSON.parse(readFileSync(join(root, language, file), 'utf8')));
      expect(sheet.language, file).toBe(language);
      expect(`${sheet.positionId}.json`, file).toBe(file);
      sheets.set(`${language}/${sheet.positionId}`, sheet);
    }
  }
  return sheets;
}

describe('job action sheet templates', () => {
  const onDisk = loadFromDisk();

  it('ship for the Incident Commander, the command staff and the four section chiefs, in both languages', () => {
    for (const positionId of ['ic', 'pio', 'liaison', 'safety', 'med-tech', 'ops', 'planning', 'logistics', 'finance']) {
      for (const language of languages) expect(onDisk.has(`${language}/${positionId}`), `${language}/${positionId}`).toBe(true);
    }
  });

  it('have the same items, in the same bands and order, in zh-CN and en', () => {
    for (const [key, en] of onDisk) {
      if (!key.startsWith('en/')) continue;
      const zh = onDisk.get(`zh-CN/${en.positionId}`);
      expect(zh, en.positionId).toBeDefined();
      expect(zh?.items.map((i) => [i.id, i.band])).toEqual(en.items.map((i) => [i.id, i.band]));
      for (const item of zh?.items ?? []) expect(item.text, `${en.positionId}/${item.id}`).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('cover every time band with a realistic number of items', () => {
    for (const sheet of onDisk.values()) {
      expect(new Set(sheet.items.map((i) => i.band)), sheet.positionId).toEqual(new Set(timeBands));
      expect(sheet.items.length).toBeGreaterThanOrEqual(8);
      expect(sheet.items.length).toBeLessThanOrEqual(15);
    }
  });

  it('are all embedded in the build, exactly as they are on disk', () => {
    expect(jobActionSheets).toHaveLength(onDisk.size);
    for (const sheet of jobActionSheets) expect(sheet).toEqual(onDisk.get(`${sheet.language}/${sheet.positionId}`));
  });
});

describe('jas.instantiate', () => {
  it('turns chosen items into tasks for the position, in the language asked for, due by their band', async () => {
    const { tx, incidentId, run } = await boardWorld();
    const batch = newId();
    const items = [{ itemId: 'i1', taskId: newId() }, { itemId: 'm1', taskId: newId() }, { itemId: 'd1', taskId: newId() }];
    await run('jas.instantiate', { id: batch, incidentId, positionId: 'logistics', language: 'zh-CN', items });
    const [immediate, intermediate, demob] = await Promise.all(items.map((i) => tx.get('task', i.taskId)));
    expect(immediate).toMatchObject({ section: 'logistics', assignee: { kind: 'position', positionId: 'logistics' }, priority: 'high', dueAt: T0 + 2 * HOUR });
    expect(immediate?.title).toMatch(/[\u4e00-\u9fff]/);
    expect(intermediate?.dueAt).toBe(T0 + 12 * HOUR);
    expect(demob?.dueAt).toBeUndefined();
    expect(demob?.source).toEqual({ positionId: 'logistics', itemId: 'd1', batchId: batch });
    expect(immediate && intermediate && immediate.order < intermediate.order).toBe(true);
  });

  it('refuses an item the sheet does not have, creating none of the tasks', async () => {
    const { tx, incidentId, run } = await boardWorld();
    const ok = newId();
    await expect(
      run('jas.instantiate', { id: newId(), incidentId, positionId: 'ic', language: 'en', items: [{ itemId: 'i1', taskId: ok }, { itemId: 'zz', taskId: newId() }] }),
    ).rejects.toMatchObject({ code: 'not_found' });
    // The memory Tx has no rollback; on SQLite and PostgreSQL the whole mutation is undone. Here the rule shown is the refusal.
    expect(await tx.get('task', newId())).toBeUndefined();
  });

  it('refuses a position that has no sheet', async () => {
    const { incidentId, run } = await boardWorld();
    await expect(
      run('jas.instantiate', { id: newId(), incidentId, positionId: 'finance.cost', language: 'en', items: [{ itemId: 'i1', taskId: newId() }] }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
