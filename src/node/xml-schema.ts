import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The OASIS schema sets shipped in resources/schemas (byte-identical copies; see its SOURCE.md files), by the
 * top-level schema each message validates against.
 */
export const exchangeSchemas = {
  'have-1.0': 'edxl-have-1.0/have.xsd',
  'rm-1.0/RequestResource': 'edxl-rm-1.0/EDXL-RMRequestResource.xsd',
  'rm-1.0/ResponseToRequestResource': 'edxl-rm-1.0/EDXL-RMResponseToRequestResource.xsd',
  'rm-1.0/CommitResource': 'edxl-rm-1.0/EDXL-RMCommitResource.xsd',
  'cap-1.2': 'cap-1.2/CAP-v1.2.xsd',
} as const;
export type ExchangeSchema = keyof typeof exchangeSchemas;

export type XmlValidation = { ok: true } | { ok: false; reason: 'invalid' | 'validator_unavailable'; message: string };

/**
 * Where the schema folder is: `HCC_SCHEMA_DIR` (a packaged app sets it to its resources), else the checkout's
 * resources/schemas, found by walking up from this file (it also runs bundled into out/main).
 */
export function schemaDir(): string {
  const fromEnv = process.env['HCC_SCHEMA_DIR'];
  if (fromEnv) return fromEnv;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'resources', 'schemas');
    if (existsSync(candidate)) return candidate;
    dir = resolve(dir, '..');
  }
  return resolve(dirname(fileURLToPath(import.meta.url)), '../../resources/schemas');
}

/** Read at each call, so a test (or an operator) can point at another binary. */
const xmllint = () => process.env['XMLLINT_PATH'] ?? 'xmllint';
/** Generous: a document is a few kilobytes; a hung xmllint must not hold an export forever. */
const TIMEOUT_MS = 30_000;

/**
 * Validates `xml` against one of the shipped schemas with libxml2's xmllint, offline (`--nonet`: every import
 * is a file beside the schema). The refusal carries xmllint's own message, with the document named `label`
 * instead of `-` (stdin). xmllint exits 3 for a document the schema refuses and 1 for one that is not
 * well-formed XML; both are `invalid`. A missing xmllint is `validator_unavailable`: nothing unvalidated
 * passes as valid.
 */
export function validateXml(xml: string, schema: ExchangeSchema, label = 'document.xml'): Promise<XmlValidation> {
  const xsd = join(schemaDir(), exchangeSchemas[schema]);
  return new Promise((done) => {
    const child = execFile(
      xmllint(),
      ['--noout', '--nonet', '--schema', xsd, '-'],
      { timeout: TIMEOUT_MS, maxBuffer: 4 * 1024 * 1024, encoding: 'utf8' },
      (error, _stdout, stderr) => {
        if (!error) return done({ ok: true });
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') return done({ ok: false, reason: 'validator_unavailable', message: `xmllint was not found (install libxml2-utils): ${error.message}` });
        const exit = typeof error.code === 'number' ? error.code : undefined;
        const text = relabel(stderr, label);
        if (exit === 1 || exit === 3) return done({ ok: false, reason: 'invalid', message: text });
        return done({ ok: false, reason: 'validator_unavailable', message: `xmllint could not check ${label} against ${exchangeSchemas[schema]} (exit ${String(exit ?? error.signal ?? code)}): ${text || error.message}` });
      },
    );
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(xml, 'utf8');
  });
}

function relabel(stderr: string, label: string): string {
  return stderr
    .split('\n')
    .filter((line) => line.trim() !== '' && line !== '- fails to validate')
    .map((line) => (line.startsWith('-:') ? `${label}:${line.slice(2)}` : line))
    .join('\n');
}

/** A document its schema refused, or one that could not be checked: never written, served or imported. */
export class SchemaRefusal extends Error {
  readonly reason: 'invalid' | 'validator_unavailable';
  constructor(failed: Extract<XmlValidation, { ok: false }>) {
    super(failed.message);
    this.name = 'SchemaRefusal';
    this.reason = failed.reason;
  }
}

/** Throws a SchemaRefusal unless `xml` validates against `schema`. */
export async function requireValid(xml: string, schema: ExchangeSchema, label?: string): Promise<void> {
  const result = await validateXml(xml, schema, label);
  if (!result.ok) throw new SchemaRefusal(result);
}

/**
 * Writes `xml` to `path` only once it validates: a refused document leaves no file behind, not even a partial
 * one (written beside the target, then renamed over it).
 */
export async function writeValidated(path: string, xml: string, schema: ExchangeSchema): Promise<void> {
  await requireValid(xml, schema, basename(path));
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, xml, 'utf8');
  await rename(temporary, path);
}
