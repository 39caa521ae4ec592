import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy between one workstation and the server that can misbehave on command: partition (refuse and cut
 * every connection), go silent with every connection left open (a pulled cable: nobody is told), add latency,
 * or let requests through and cut the connection as the answer comes back (the server applied the push, the
 * client never heard: the case dedupe exists for).
 */
export type ProxyMode = 'up' | 'down' | 'silent' | 'cut-responses';

export class TcpProxy {
  mode: ProxyMode = 'up';
  delayMs = 0;
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private targetPort: number;

  constructor(targetPort: number) {
    this.targetPort = targetPort;
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

  retarget(port: number): void {
    this.targetPort = port;
  }

  setMode(mode: ProxyMode): void {
    this.mode = mode;
    if (mode === 'down') this.cutAll();
  }

  cutAll(): void {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
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
    const upstream = connect(this.targetPort, '127.0.0.1');
    this.sockets.add(client);
    this.sockets.add(upstream);
    const forget = () => {
      this.sockets.delete(client);
      this.sockets.delete(upstream);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', forget).on('close', forget);
    upstream.on('error', forget).on('close', forget);
    client.on('data', (chunk: Buffer) => this.forward(chunk, upstream));
    upstream.on('data', (chunk: Buffer) => {
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
