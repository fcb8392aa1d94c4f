import net from 'node:net';

/**
 * A TCP proxy in front of PostgreSQL that a test can take down and bring back on the same port:
 * an outage (refused connections, cut sockets) without restarting the machine's shared server.
 */
export interface PgProxy {
  /** `target` with host and port replaced by the proxy's. */
  url: string;
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
  /** Accept connections but never answer (a host that vanished without a word); `false` ends it. */
  stall(on?: boolean): void;
}

export interface PgProxyOptions {
  /** Replace the database named in each connection's startup message (one server, two "hosts"). */
  database?: string;
}

/** Rewrites `database` in a v3 startup message; any other first message passes unchanged. */
function rewriteStartup(msg: Buffer, database: string): Buffer {
  if (msg.readInt32BE(4) !== 196608) return msg;
  const fields = msg
    .subarray(8, msg.length - 1)
    .toString('utf8')
    .split('\0');
  const out: string[] = [];
  for (let i = 0; i + 1 < fields.length; i += 2)
    out.push(fields[i] as string, fields[i] === 'database' ? database : (fields[i + 1] as string));
  const body = Buffer.from(`${out.join('\0')}\0\0`, 'utf8');
  const head = Buffer.alloc(8);
  head.writeInt32BE(body.length + 8, 0);
  head.writeInt32BE(196608, 4);
  return Buffer.concat([head, body]);
}

export async function startPgProxy(target: string, opts: PgProxyOptions = {}): Promise<PgProxy> {
  const to = new URL(target);
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  let port = 0;
  let stalled = false;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = net.createServer((client) => {
        if (stalled) {
          sockets.add(client);
          client.on('close', () => sockets.delete(client));
          client.on('error', () => {});
          return;
        }
        const upstream = net.connect(Number(to.port || 5432), to.hostname);
        for (const sock of [client, upstream]) {
          sockets.add(sock);
          sock.on('close', () => sockets.delete(sock));
          sock.on('error', () => {
            client.destroy();
            upstream.destroy();
          });
        }
        if (!opts.database) {
          client.pipe(upstream).pipe(client);
          return;
        }
        const database = opts.database;
        let first = Buffer.alloc(0);
        const onFirst = (chunk: Buffer) => {
          first = Buffer.concat([first, chunk]);
          if (first.length < 4 || first.length < first.readInt32BE(0)) return;
          client.off('data', onFirst);
          const len = first.readInt32BE(0);
          upstream.write(rewriteStartup(first.subarray(0, len), database));
          if (first.length > len) upstream.write(first.subarray(len));
          client.pipe(upstream);
        };
        client.on('data', onFirst);
        upstream.pipe(client);
      });
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        port = (s.address() as net.AddressInfo).port;
        server = s;
        resolve();
      });
    });
  await listen();
  const down = async () => {
    const s = server;
    server = undefined;
    for (const sock of sockets) sock.destroy();
    if (s) await new Promise<void>((r) => s.close(() => r()));
  };
  const url = new URL(target);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  const stall = (on = true) => {
    stalled = on;
  };
  return { url: url.toString(), down, up: listen, close: down, stall };
}
