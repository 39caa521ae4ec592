import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export const RENDERER_DIR = join(import.meta.dirname, '../../../src/renderer');

export function rendererSources(ext: readonly string[] = ['.ts', '.tsx']): { file: string; text: string }[] {
  const found: { file: string; text: string }[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (ext.some((e) => entry.name.endsWith(e))) found.push({ file: relative(RENDERER_DIR, path), text: readFileSync(path, 'utf8') });
    }
  };
  walk(RENDERER_DIR);
  return found;
}

function parse(file: string, text: string): ts.SourceFile {
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
}

function visit(node: ts.Node, fn: (node: ts.Node) => void): void {
  fn(node);
  node.forEachChild((child) => visit(child, fn));
}

const isTCall = (node: ts.CallExpression): boolean =>
  (ts.isIdentifier(node.expression) && node.expression.text === 't') ||
  (ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 't');

export type TCall = { file: string; line: number; key: string | null; source: string };

/** Every `t(...)` / `x.t(...)` call: its literal key, or null when the key is computed. */
export function findTCalls(file: string, text: string): TCall[] {
  const sf = parse(file, text);
  const calls: TCall[] = [];
  visit(sf, (node) => {
    if (!ts.isCallExpression(node) || !isTCall(node)) return;
    const [arg] = node.arguments;
    if (!arg) return;
    const line = sf.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    const key = ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg) ? arg.text : null;
    calls.push({ file, line, key, source: arg.getText(sf) });
  });
  return calls;
}

/** Attributes a user reads or hears; a literal word in one of these is an untranslated string. */
const VISIBLE_ATTRIBUTES = new Set(['title', 'placeholder', 'aria-label', 'alt', 'label', 'aria-description']);
const HAS_WORDS = /\p{L}/u;

/** JSX text and user-visible attribute literals containing letters (in any script). */
export function findJsxLiterals(file: string, text: string): { line: number; text: string }[] {
  const sf = parse(file, text);
  const found: { line: number; text: string }[] = [];
  const at = (node: ts.Node) => sf.getLineAndCharacterOfPosition(node.getStart()).line + 1;
  visit(sf, (node) => {
    if (ts.isJsxText(node) && HAS_WORDS.test(node.text)) found.push({ line: at(node), text: node.text.trim() });
    if (ts.isJsxAttribute(node) && VISIBLE_ATTRIBUTES.has(node.name.getText(sf)) && node.initializer && ts.isStringLiteral(node.initializer)) {
      if (HAS_WORDS.test(node.initializer.text)) found.push({ line: at(node), text: node.initializer.text });
    }
  });
  return found;
}

/** Dotted paths of every leaf in a nested resource object. */
export function leafKeys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => leafKeys(v, prefix ? `${prefix}.${k}` : k));
}

export function lookup(resources: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined), resources);
}
