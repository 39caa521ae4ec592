import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import renderer from '../../../vite.renderer.config';

const root = resolve(String(renderer.root));
// Vite copies `publicDir` (default `<root>/public`) to the build's root unchanged, so the web host and the
// desktop app's app:// scheme both serve it at `/<name>`.
const publicDir = renderer.publicDir === undefined ? join(root, 'public') : resolve(root, String(renderer.publicDir));

/** The `href` of every `<link rel="icon">` in the page. */
function iconLinks(html: string): string[] {
  return [...html.matchAll(/<link\b[^>]*>/gi)]
    .map((m) => m[0])
    .filter((tag) => /\brel="icon"/i.test(tag))
    .map((tag) => /\bhref="([^"]+)"/i.exec(tag)?.[1] ?? '');
}

describe('the favicon', () => {
  const html = readFileSync(join(root, 'index.html'), 'utf8');

  it('is linked from index.html as a same-origin path the CSP (img-src self) allows', () => {
    const links = iconLinks(html);
    expect(links).toHaveLength(1);
    expect(links[0]).toMatch(/^\/[\w.-]+$/);
  });

  it('links a file the build ships from the public folder', () => {
    for (const href of iconLinks(html)) expect(existsSync(join(publicDir, href)), `${href} in ${publicDir}`).toBe(true);
  });

  it('is a plain SVG: no script, no inline style, nothing fetched from elsewhere', () => {
    for (const href of iconLinks(html)) {
      const svg = readFileSync(join(publicDir, href), 'utf8');
      expect(svg.trimStart().startsWith('<svg')).toBe(true);
      expect(svg).not.toMatch(/<script|<style|\bon\w+=|href=|url\(/i);
    }
  });
});
