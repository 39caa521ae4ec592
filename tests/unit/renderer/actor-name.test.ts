import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_OPERATOR_ID, type DirectoryEntry } from '../../../src/contract/directory';
import { newId } from '../../../src/domain/ids';
import { en, zhCN } from '../../../src/renderer/i18n/bundles';
import { actorLabel, shortActorId } from '../../../src/renderer/lib/actor-name';

const wang: DirectoryEntry = { id: newId(), username: 'dr-wang', displayName: '王医生', roles: ['incident_commander'], granted: true };
const users = new Map([[wang.id, wang]]);

describe('who made a change, as the board names them', () => {
  let zh: TFunction;
  let english: TFunction;
  beforeAll(async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } }, lng: 'zh-CN', interpolation: { escapeValue: false } });
    zh = i18n.getFixedT('zh-CN');
    english = i18n.getFixedT('en');
  });

  it('shows a known account by its display name, with the username for the tooltip', () => {
    expect(actorLabel(wang.id, users, zh)).toEqual({ name: '王医生', title: 'dr-wang' });
  });

  it('shows the standalone user as this workstation, in either language', () => {
    expect(actorLabel(LOCAL_OPERATOR_ID, users, zh).name).toBe('本工作站');
    expect(actorLabel(LOCAL_OPERATOR_ID, users, english).name).toBe('This workstation');
  });

  it('shows an unknown account as a short form of its id, never blank', () => {
    const id = newId();
    expect(actorLabel(id, users, zh)).toEqual({ name: `用户 ${id.slice(-6)}`, title: id });
    expect(actorLabel(id, users, english).name).toBe(`User ${id.slice(-6)}`);
    expect(actorLabel('', users, zh).name).toBe('未记录');
    expect(actorLabel('user-operator', users, zh).name).toBe('user-operator');
    expect(actorLabel('x'.repeat(60), users, zh).name.length).toBeLessThanOrEqual(24);
  });

  it('tells apart accounts created together, whose UUIDv7 ids share their leading (time) digits', () => {
    const ids = Array.from({ length: 20 }, () => newId());
    expect(new Set(ids.map((id) => id.slice(0, 8))).size).toBeLessThan(3);
    expect(new Set(ids.map(shortActorId)).size).toBe(20);
  });
});
