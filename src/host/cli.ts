import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { startWebHost } from './web-host';

const ArgsSchema = z.object({
  port: z.coerce.number().int().min(0).max(65_535).default(5174),
  host: z.string().min(1).default('127.0.0.1'),
  'data-dir': z.string().min(1).default('./data/web'),
  token: z.string().min(16, { message: 'must be at least 16 characters' }).optional(),
  'renderer-dir': z.string().min(1).optional(),
});

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      token: { type: 'string' },
      'renderer-dir': { type: 'string' },
    },
    strict: true,
  });
  const parsed = ArgsSchema.safeParse({ ...values, token: values.token ?? process.env.HCC_WEB_TOKEN });
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '));
  }
  const args = parsed.data;
  const host = await startWebHost({
    port: args.port,
    host: args.host,
    dataDir: resolve(args['data-dir']),
    token: args.token,
    ...(args['renderer-dir'] ? { rendererDir: resolve(args['renderer-dir']) } : {}),
  });
  // One JSON line first so scripts and the e2e fixture can read the address of a port-0 start.
  process.stdout.write(`${JSON.stringify({ listening: host.url })}\n`);
  process.stdout.write(`Command centre: ${host.url}${args.token ? '/?token=<your token>' : ''}\n`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    host.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`shutdown after ${signal} failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`web host: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
