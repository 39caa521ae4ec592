import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy between one workstation and the server (or between the server and PostgreSQL) that can misbehave
 * on command: partition (refuse and cut every connection), go silent with every connection left open (a pulled
 * cable: nobody is told), add latency, or let requests through and cut the connection as the answer comes back
 * (the server applied the push, the client never heard: the case dedupe exists for). `blackhole` is a lost NAT
 * entry or a failover: see `blackhole()`.
 */
export type ProxyMode = 'up' | 'down' | 'silent' | 'cut-responses' | 'blackhole';

type Pair = { client: Socket; upstream: Socket; dead: boolean };

export class TcpProxy {
  mode: ProxyMode = 'up';
  delayMs = 0;
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private readonly pairs = new Set<Pair>();
  private target: number;

  constructor(targetPort: number) {
    this.target = targetPort;
    this.server = createServer((client) => this.accept(client));
  }

  listen(): Promise<number> {
    return new Promise((resolve) => {
      this.server.listen(0, '127.0.0.1', () => {
        const address = this.server.address();
        resolve(typeof address === 'object' && address ? address.port : 0);
      });
    });
  }

  get targetPort(): number {
    return this.target;
  }

  /** New connections go to `port`; open ones stay where they are. */
  retarget(port: number): void {
    this.target = port;
  }

  setMode(mode: ProxyMode): void {
    this.mode = mode;
    if (mode === 'down') this.cutAll();
  }

  cutAll(): void {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    this.pairs.clear();
  }

  /**
   * A lost NAT entry or a failover for `ms`: every connection open now or opened meanwhile stops carrying bytes
   * and nobody is told. When the window ends, new connections work again; the far side's end of each dead one is
   * closed (the database notices its client is gone and frees its locks), while the near side (our server) is
   * told only when it next writes on it (the reset a host answers to a connection it no longer knows). A query
   * already waiting for its answer waits forever, unless the server has a timeout of its own.
   */
  blackhole(ms: number): Promise<void> {
    this.mode = 'blackhole';
    for (const pair of this.pairs) pair.dead = true;
    return new Promise((resolve) =>
      setTimeout(() => {
        if (this.mode === 'blackhole') this.mode = 'up';
        for (const pair of this.pairs) if (pair.dead) pair.upstream.destroy();
        resolve();
      }, ms),
    );
  }

  close(): Promise<void> {
    this.cutAll();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket): void {
    if (this.mode === 'down') {
      client.destroy();
      return;
    }
    const upstream = connect(this.target, '127.0.0.1');
    const pair: Pair = { client, upstream, dead: this.mode === 'blackhole' };
    this.sockets.add(client);
    this.sockets.add(upstream);
    this.pairs.add(pair);
    const forget = () => {
      this.sockets.delete(client);
      this.sockets.delete(upstream);
      this.pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', forget).on('close', forget);
    // A dead connection's far end closing tells the near end nothing: that is the point of a black hole.
    upstream.on('error', () => (pair.dead ? undefined : forget())).on('close', () => (pair.dead ? undefined : forget()));
    client.on('data', (chunk: Buffer) => {
      if (!pair.dead) return this.forward(chunk, upstream);
      if (this.mode !== 'blackhole') forget();
    });
    upstream.on('data', (chunk: Buffer) => {
      if (pair.dead) return;
      if (this.mode === 'cut-responses') {
        forget();
        return;
      }
      this.forward(chunk, client);
    });
  }

  private forward(chunk: Buffer, to: Socket): void {
    if (this.mode === 'down' || this.mode === 'silent') return;
    if (this.delayMs > 0) setTimeout(() => to.writable && to.write(chunk), this.delayMs);
    else if (to.writable) to.write(chunk);
  }
}
