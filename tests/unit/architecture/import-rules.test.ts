import { ESLint, Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The import rules of eslint.config.js as they apply to a path: the config computed for that file, then only its
 * `no-restricted-imports` run over one import. Proves the wiring (which files get which rule), not ESLint itself.
 */
async function importAllowed(file: string, from: string): Promise<boolean> {
  const config = (await new ESLint().calculateConfigForFile(file)) as { rules?: Record<string, unknown> };
  const rule = config.rules?.['no-restricted-imports'];
  const messages = new Linter().verify(`import x from '${from}';\nexport default x;\n`, {
    languageOptions: { sourceType: 'module' },
    rules: rule ? { 'no-restricted-imports': rule as Linter.RuleEntry } : {},
  });
  return messages.length === 0;
}

describe('import rules', () => {
  it('lets a renderer feature use another feature through its index only', async () => {
    expect(await importAllowed('src/renderer/features/wall/WallPanels.tsx', '../map')).toBe(true);
    expect(await importAllowed('src/renderer/features/wall/WallPanels.tsx', '../map/MapPane')).toBe(false);
    expect(await importAllowed('src/renderer/features/wall/WallPanels.tsx', '../../state/use-live')).toBe(true);
    expect(await importAllowed('src/renderer/features/wall/WallPanels.tsx', './wall-figures')).toBe(true);
  });

  it('lets a domain feature use another feature through its index only, and the shared domain freely', async () => {
    expect(await importAllowed('src/domain/exercises/injects.ts', '../warning/alerts')).toBe(false);
    expect(await importAllowed('src/domain/exercises/injects.ts', '../warning')).toBe(true);
    expect(await importAllowed('src/domain/exercises/injects.ts', '../ids')).toBe(true);
    expect(await importAllowed('src/domain/exercises/injects.ts', '../../contract/api')).toBe(false);
  });

  it('keeps the Electron main process to the contract; only the utility process starts the core', async () => {
    expect(await importAllowed('electron/main/ipc.ts', '../../src/contract/api')).toBe(true);
    expect(await importAllowed('electron/main/ipc.ts', '../../src/workstation/workstation')).toBe(false);
    expect(await importAllowed('electron/main/ipc.ts', '../../src/domain/incident')).toBe(false);
    expect(await importAllowed('electron/main/ipc.ts', 'better-sqlite3')).toBe(false);
    expect(await importAllowed('electron/main/workstation-process.ts', '../../src/workstation/workstation')).toBe(true);
    expect(await importAllowed('electron/main/workstation-process.ts', '../../src/server/app')).toBe(false);
  });

  it('keeps the domain free of every other layer', async () => {
    expect(await importAllowed('src/domain/incident.ts', '../contract/api')).toBe(false);
    expect(await importAllowed('src/domain/incident.ts', 'node:fs')).toBe(false);
  });
});
