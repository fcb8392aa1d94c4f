import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import type { DB } from '../db/schema.js';
import type { EventBridge } from './hub.js';

const CHANNEL = 'satu_atap_live';

/**
 * PostgreSQL LISTEN/NOTIFY bridge: after a commit a node NOTIFYs the mall id; every node (itself
 * included) LISTENs and re-reads that mall's new events. Reconnects by itself with back-off.
 */
export function pgBridge(url: string, db: Kysely<DB>, log: Logger): EventBridge {
  let client: pg.Client | undefined;
  let stopped = false;
  let onNotify: (mallId: number) => void = () => {};

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url });
    c.on('notification', (msg) => {
      const mallId = Number(msg.payload);
      if (Number.isInteger(mallId)) onNotify(mallId);
    });
    c.on('error', (err) => {
      log.warn({ err }, 'LISTEN connection lost; reconnecting');
      client = undefined;
      c.end().catch(() => {});
      if (!stopped) setTimeout(() => connect().catch(() => {}), 1000).unref();
    });
    await c.connect();
    await c.query(`LISTEN ${CHANNEL}`);
    client = c;
  };

  return {
    lossy: true,
    async start(cb) {
      onNotify = cb;
      await connect();
    },
    async notify(mallId) {
      await sql`SELECT pg_notify(${CHANNEL}, ${String(mallId)})`.execute(db);
    },
    async stop() {
      stopped = true;
      await client?.end().catch(() => {});
    },
  };
}
