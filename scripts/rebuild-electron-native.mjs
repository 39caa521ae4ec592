// Builds better-sqlite3 for Electron's ABI into .electron-native/, from a copy of its sources, so the Node build
// in node_modules (the one the tests load) is never touched. node-gyp fetches Electron's headers for this:
// where it cannot (no internet), say so plainly and exit non-zero.
//
// Usage: node scripts/rebuild-electron-native.mjs [--force]
// HCC_ELECTRON_NODEDIR=/path/to/electron-headers uses headers already on disk instead of downloading them.
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, cpSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(join(root, 'package.json'));
const outDir = join(root, '.electron-native');
/** Read by electron/main/native-binding.ts: keep the two names in step. */
const target = join(outDir, 'better_sqlite3.node');
const stampFile = join(outDir, 'build-info.json');

const readVersion = (pkg) => JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')).version;

export function wanted() {
  return { electron: readVersion('electron'), betterSqlite3: readVersion('better-sqlite3'), platform: process.platform, arch: process.arch };
}

export function isUpToDate() {
  if (!existsSync(target) || !existsSync(stampFile)) return false;
  try {
    return JSON.stringify(JSON.parse(readFileSync(stampFile, 'utf8'))) === JSON.stringify(wanted());
  } catch {
    return false;
  }
}

/** Returns 0 on success; prints why not otherwise. `quiet` sends node-gyp's output to .electron-native/rebuild.log. */
export function rebuild({ force = false, quiet = false } = {}) {
  const want = wanted();
  if (!force && isUpToDate()) {
    console.log(`better-sqlite3 ${want.betterSqlite3} for Electron ${want.electron} is up to date (${relative(root, target)}).`);
    return 0;
  }
  const source = join(require.resolve('better-sqlite3/package.json'), '..');
  const staging = join(outDir, 'build-src');
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  // The copy leaves out the Node build (build/) and anything installed under the package.
  cpSync(source, staging, {
    recursive: true,
    filter: (path) => {
      const rel = relative(source, path);
      return !(rel === 'build' || rel.startsWith(`build${sep}`) || rel === 'node_modules' || rel.startsWith(`node_modules${sep}`));
    },
  });

  const env = { ...process.env };
  // The machine's npm config sets nodedir=/usr (Node's headers); under `npm run` that reaches node-gyp as an
  // environment variable and would silently build for Node again.
  for (const key of Object.keys(env)) if (/^npm_config_(nodedir|target|disturl|dist_url|runtime)$/i.test(key)) delete env[key];
  const headers = process.env.HCC_ELECTRON_NODEDIR;
  const args = [
    require.resolve('node-gyp/bin/node-gyp.js'),
    'rebuild',
    '--release',
    `--target=${want.electron}`,
    ...(headers ? [`--nodedir=${headers}`] : ['--dist-url=https://electronjs.org/headers', `--devdir=${join(homedir(), '.electron-gyp')}`]),
  ];
  console.log(`Building better-sqlite3 ${want.betterSqlite3} for Electron ${want.electron} (${want.platform}-${want.arch})...`);
  const logFile = join(outDir, 'rebuild.log');
  const log = quiet ? openSync(logFile, 'w') : null;
  const stdio = log === null ? 'inherit' : ['ignore', log, log];
  const result = spawnSync(process.execPath, args, { cwd: staging, env, stdio, timeout: 9 * 60_000 });
  if (log !== null) closeSync(log);
  const built = join(staging, 'build', 'Release', 'better_sqlite3.node');
  if (result.status !== 0 || !existsSync(built)) {
    rmSync(staging, { recursive: true, force: true });
    const why = result.error ? result.error.message : `node-gyp exited with ${result.status ?? result.signal}`;
    console.error(
      `Could not build better-sqlite3 for Electron ${want.electron}: ${why}.\n` +
        `node-gyp needs Electron's headers from https://electronjs.org/headers (or HCC_ELECTRON_NODEDIR). ` +
        `node_modules is untouched: tests and \`npm run web\` still work.` +
        (quiet ? ` Details: ${relative(root, logFile)}` : ''),
    );
    return 1;
  }
  copyFileSync(built, target);
  writeFileSync(stampFile, `${JSON.stringify(want, null, 2)}\n`);
  rmSync(staging, { recursive: true, force: true });
  console.log(`Wrote ${relative(root, target)}.`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = rebuild({ force: process.argv.includes('--force') });
}
