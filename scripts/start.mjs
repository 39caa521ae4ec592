// `npm start`: build, make sure Electron and the Electron build of better-sqlite3 are there, launch the desktop
// app. Where Electron cannot run (no binary, no display, root), say so in a line or two and serve the same app
// in the browser through the web host instead. Every child is stopped when this script stops.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isUpToDate, rebuild } from './rebuild-electron-native.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(join(root, 'package.json'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const port = process.env.PORT ?? '5174';
const webDataDir = './data/web';


/**
 * The Electron binary, or null. Read from electron's path.txt rather than `require('electron')`, which starts a
 * download of its own when the binary is missing. ELECTRON_OVERRIDE_DIST_PATH is honoured as electron does.
 */
function electronBinary() {
  const pkg = join(require.resolve('electron/package.json'), '..');
  const pathFile = join(pkg, 'path.txt');
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkg, 'dist');
  const binary = name ? join(dist, name) : null;
  return binary && existsSync(binary) ? binary : null;
}

/** Why Electron cannot be launched here, or null when it can. Tries to fetch what is missing first. */
function whyNoElectron() {
  if (!electronBinary()) {
    console.log('Fetching the Electron binary...');
    spawnSync(process.execPath, [require.resolve('electron/install.js')], { cwd: root, stdio: 'ignore', timeout: 120_000 });
    if (!electronBinary()) return 'its binary is not installed and could not be downloaded';
  }
  if (!isUpToDate() && rebuild({ quiet: true }) !== 0) return 'better-sqlite3 could not be built for Electron';
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return 'there is no display (DISPLAY is not set)';
  // Electron will not start as root unless its sandbox is turned off, and we do not turn it off.
  if (process.getuid?.() === 0) return 'Electron refuses to run as root with its sandbox on';
  return null;
}

/** Runs a child in its own process group, forwards Ctrl-C/SIGTERM to the whole group, and mirrors its exit. */
function supervise(command, args, { onLine } = {}) {
  const child = spawn(command, args, {
    cwd: root,
    stdio: ['inherit', onLine ? 'pipe' : 'inherit', 'inherit'],
    detached: process.platform !== 'win32',
  });
  const stopGroup = (signal) => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
    try {
      if (process.platform === 'win32') child.kill(signal);
      else process.kill(-child.pid, signal);
    } catch {
      // Already gone.
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stopGroup(signal));
  process.on('exit', () => stopGroup('SIGTERM'));
  if (onLine && child.stdout) {
    let buffered = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      buffered += chunk.toString('utf8');
      let newline;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        onLine(buffered.slice(0, newline));
        buffered = buffered.slice(newline + 1);
      }
    });
  }
  child.on('error', (error) => {
    console.error(`could not start ${command}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  return child;
}

if (spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit', timeout: 9 * 60_000 }).status !== 0) {
  console.error('npm start: the build failed (see above); nothing was started.');
  process.exit(1);
}

const reason = whyNoElectron();
if (reason === null) {
  supervise(electronBinary(), ['.']);
} else {
  console.log(`Electron cannot be launched here: ${reason}.`);
  console.log(`Serving the same app in the browser instead (npm run web, port ${port}, data in ${webDataDir}).`);
  supervise(npm, ['run', 'web', '--', '--port', port, '--data-dir', webDataDir], {
    onLine: (line) => {
      try {
        const { listening } = JSON.parse(line);
        if (typeof listening === 'string') console.log(`\nOpen ${listening}/ in Chromium or Firefox.\n`);
      } catch {
        // Not the host's JSON status line.
      }
    },
  });
}
