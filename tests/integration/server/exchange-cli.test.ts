import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { schemaDir, validateXml } from '../../../src/node/xml-schema';
import { makeTempDir } from '../../fixtures/workstation';

type Run = { code: number; stdout: string; stderr: string };
const cli = (args: string[]): Promise<Run> =>
  promisify(execFile)('npx', ['tsx', 'src/server/cli.ts', ...args], { env: { ...process.env, DATABASE_URL: '' } }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: Run) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

describe('npm run server -- export-have / import-have', { timeout: 180_000 }, () => {
  it("writes a space's HAVE document that validates, and refuses a file the schema refuses with xmllint's message", async () => {
    const { dir, cleanup } = makeTempDir('hcc-have-cli-');
    try {
      const dataDir = join(dir, 'server');
      const out = join(dir, 'demo.xml');
      const exported = await cli(['export-have', '--space', 'demo-hospital', '--out', out, '--data-dir', dataDir]);
      expect(exported).toMatchObject({ code: 0, stdout: expect.stringContaining('valid against have.xsd') as unknown });
      expect(await validateXml(readFileSync(out, 'utf8'), 'have-1.0')).toEqual({ ok: true });
      expect(readFileSync(out, 'utf8')).toContain('<xnl:NameElement>Demo hospital</xnl:NameElement>');

      const missing = await cli(['export-have', '--space', 'no-such-space', '--out', join(dir, 'none.xml'), '--data-dir', dataDir]);
      expect(missing.code).toBe(1);
      expect(existsSync(join(dir, 'none.xml'))).toBe(false);

      const refused = await cli(['import-have', '--space', 'demo-hospital', '--in', join(schemaDir(), 'edxl-have-1.0', 'example-invalid.xml'), '--as', 'nobody', '--data-dir', dataDir]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('refused: the document does not validate against the OASIS schema');
      expect(refused.stderr).toMatch(/example-invalid\.xml:18: element AvailableCount: Schemas validity error : .*'four' is not a valid value of the atomic type 'xs:integer'/);
    } finally {
      cleanup();
    }
  });
});

describe('npm run server -- export-cap', { timeout: 180_000 }, () => {
  it('refuses an alert the space does not hold, writes nothing, and asks for what is missing', async () => {
    const { dir, cleanup } = makeTempDir('hcc-cap-cli-');
    try {
      const dataDir = join(dir, 'server');
      const out = join(dir, 'cap.xml');
      const missing = await cli(['export-cap', '--space', 'demo-hospital', '--alert', '0190a0b0-0000-7000-8000-000000000001', '--out', out, '--data-dir', dataDir]);
      expect(missing).toMatchObject({ code: 1, stderr: expect.stringContaining('no alert 0190a0b0-0000-7000-8000-000000000001 in demo-hospital') as unknown });
      expect(existsSync(out)).toBe(false);
      const incomplete = await cli(['export-cap', '--space', 'demo-hospital', '--out', out, '--data-dir', dataDir]);
      expect(incomplete.code).toBe(1);
      expect(incomplete.stderr).toContain('export-cap needs --space, --alert and --out');
    } finally {
      cleanup();
    }
  });
});

describe('npm run server -- import-rm (an answer to our request)', { timeout: 180_000 }, () => {
  it("refuses a valid CommitResource that names no request of the space, saying which message, and one the schema refuses with xmllint's message", async () => {
    const { dir, cleanup } = makeTempDir('hcc-rm-cli-');
    try {
      const dataDir = join(dir, 'server');
      const commit = join('tests', 'fixtures', 'rm-commit-unknown-request.xml');
      expect(await validateXml(readFileSync(commit, 'utf8'), 'rm-1.0/CommitResource')).toEqual({ ok: true });
      const unknown = await cli(['import-rm', '--space', 'demo-hospital', '--in', commit, '--as', 'nobody', '--data-dir', dataDir]);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain('no request of space demo-hospital matches message urn:hcc:demo-hospital:rr:0190a0b0-0000-7000-8000-000000000001');

      const broken = join(dir, 'broken.xml');
      writeFileSync(broken, readFileSync(commit, 'utf8').replace('<rm:Amount>2</rm:Amount>', '<rm:Amount>two</rm:Amount>'));
      const invalid = await cli(['import-rm', '--space', 'demo-hospital', '--in', broken, '--as', 'nobody', '--data-dir', dataDir]);
      expect(invalid.code).toBe(1);
      expect(invalid.stderr).toMatch(/broken\.xml:\d+: element Amount: Schemas validity error : .*'two'/);
    } finally {
      cleanup();
    }
  });
});
