/**
 * maplibre 6 draws with WebGL2 only. Some virtual machines and locked-down wall PCs have none: then the map pane
 * says so and lists the same features instead of showing an empty canvas.
 */
export function hasWebGL2(doc: Document = document): boolean {
  try {
    const canvas = doc.createElement('canvas');
    const gl = canvas.getContext('webgl2');
    const ok = gl !== null;
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
    return ok;
  } catch {
    return false;
  }
}
