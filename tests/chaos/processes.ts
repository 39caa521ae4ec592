import { fork, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { FromWorker, ToWorker } from './worker-protocol';

const root = join(import.meta.dirname, '..', '..');
const tsxImport = ['--import', 'tsx'];

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Runs the server CLI to completion (create-user and friends). */
export function runServerCli(args: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...tsxImport, join(root, 'src/server/cli.ts'), ...args], { env, cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`server ${args[0]} failed (${code}): ${stderr}`))));
  });
}

/** A child process the chaos run can SIGKILL (counted) or stop politely. */
abstract class KillableProcess {
  protected child: ChildProcess | null = null;
  kills = 0;

  kill(): void {
    if (!this.child) return;
    this.child.kill('SIGKILL');
    this.child = null;
    this.kills++;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    await terminate(child);
  }
}

/**
 * The hospital server in its own process, so the chaos run can SIGKILL it and start it again. An exit nobody
 * asked for (an unhandled error: a database link cut under a push) is counted as a crash.
 */
export class ServerProcess extends KillableProcess {
  crashes = 0;

  constructor(
    readonly port: number,
    private readonly dataDir: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {
    super();
  }

  get running(): boolean {
    return this.child !== null;
  }

  async start(): Promise<void> {
    if (this.child) return;
    const child = spawn(
      process.execPath,
      [...tsxImport, join(root, 'src/server/cli.ts'), '--port', String(this.port), '--data-dir', this.dataDir],
      { env: this.env, cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    this.child = child;
    let starting = true;
    child.on('exit', () => {
      if (this.child !== child) return;
      this.child = null;
      // A server that cannot reach its database at start-up exits with the reason, for its service manager to
      // start it again: that is a refusal to start, not a crash of a running server.
      if (!starting) this.crashes++;
    });
    // Generous: on a CI machine shared with other jobs a cold start of tsx and the server can take a minute.
    const deadline = Date.now() + 180_000;
    let last = 'no answer';
    while (Date.now() < deadline) {
      if (!this.child) throw new Error('server exited during start-up');
      try {
        // /health goes through the database's write path: give it time on a busy machine.
        const response = await fetch(`http://127.0.0.1:${this.port}/health`, { signal: AbortSignal.timeout(10_000) });
        if (response.ok) {
          starting = false;
          return;
        }
        last = `${response.status} ${await response.text()}`;
      } catch (error) {
        last = String(error); // not up yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`server on :${this.port} did not become healthy within 180 s (last: ${last})`);
  }

}

/** SIGTERM, then SIGKILL if the process has not gone within ten seconds. */
async function terminate(child: ChildProcess): Promise<void> {
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

type Pending = { resolve: (message: FromWorker) => void };
type WithoutReqId<T> = T extends unknown ? Omit<T, 'reqId'> : never;

/** A workstation in its own process, driven over the fork IPC channel. */
export class WorkerProcess extends KillableProcess {
  clientId = '';
  private nextReq = 1;
  private readonly waiting = new Map<number, Pending>();

  /** `skewMs`: how far this desk's clock is from the true time (a desk whose clock nobody set). */
  constructor(
    readonly dataDir: string,
    readonly skewMs = 0,
  ) {
    super();
  }

  get alive(): boolean {
    return this.child !== null;
  }

  start(): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = fork(join(import.meta.dirname, 'client-worker.ts'), [this.dataDir, String(this.skewMs)], {
        execArgv: tsxImport,
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      });
      this.child = child;
      child.on('message', (message: FromWorker) => {
        if (message.type === 'ready') {
          this.clientId = message.clientId;
          resolve();
          return;
        }
        const pending = this.waiting.get(message.reqId);
        this.waiting.delete(message.reqId);
        pending?.resolve(message);
      });
      child.on('exit', () => {
        if (this.child === child) this.child = null;
        for (const pending of this.waiting.values()) pending.resolve({ type: 'refused', reqId: 0, code: 'killed', message: 'worker died' });
        this.waiting.clear();
        reject(new Error('worker exited before it was ready'));
      });
    });
  }

  request(message: WithoutReqId<ToWorker>, timeoutMs = 30_000): Promise<FromWorker> {
    const child = this.child;
    if (!child) return Promise.resolve({ type: 'refused', reqId: 0, code: 'killed', message: 'worker is down' });
    const reqId = this.nextReq++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(reqId);
        resolve({ type: 'refused', reqId, code: 'timeout', message: 'worker did not answer' });
      }, timeoutMs);
      this.waiting.set(reqId, {
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      });
      child.send({ ...message, reqId });
    });
  }

}
