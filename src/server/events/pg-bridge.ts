import { type Kysely, sql } from 'kysely';
import type { Logger } from 'pino';
import { connectTarget, type HostSelector } from '../db/multi-host.js';
import type { DB } from '../db/schema.js';
import type { EventBridge } from './hub.js';

const CHANNEL = 'satu_atap_live';
/** The LISTEN connection's application_name (tests find its backend by it). */
export const LISTEN_APPLICATION_NAME = 'satu-atap-listen';
const FIRST_RETRY_MS = 50;
const MAX_RETRY_MS = 5000;

/**
 * PostgreSQL LISTEN/NOTIFY bridge: after a commit a node NOTIFYs the mall id; every node (itself
 * included) LISTENs and re-reads that mall's new events. When the LISTEN connection is lost (a
 * restart, pg_terminate_backend) it reconnects with back-off, forever, until stopped; after each
 * reconnect `onResync` re-reads every mall, since notifications sent meanwhile were lost.
 */
export function pgBridge(hosts: HostSelector, db: Kysely<DB>, log: Logger): EventBridge {
  let client: Awaited<ReturnType<typeof connectTarget>> | undefined;
  let stopped = false;
  let retryTimer: NodeJS.Timeout | undefined;
  let onNotify: (mallId: number) => void = () => {};
  let onResync: () => void = () => {};

  const connectOnce = async (): Promise<void> => {
    // The writable server, as the pool's connections find it: a standby refuses LISTEN, and a
    // NOTIFY sent on the primary reaches only its own listeners.
    const c = await connectTarget(hosts, { application_name: LISTEN_APPLICATION_NAME });
    let lost = false;
    const onLost = (err?: Error) => {
      if (lost) return;
      lost = true;
      if (client === c) client = undefined;
      c.end().catch(() => {});
      if (stopped) return;
      log.warn({ err: err?.message }, 'LISTEN connection lost; reconnecting');
      schedule(FIRST_RETRY_MS);
    };
    c.on('notification', (msg) => {
      const mallId = Number(msg.payload);
      if (Number.isInteger(mallId)) onNotify(mallId);
    });
    c.on('error', onLost);
    c.on('end', () => onLost());
    try {
      await c.query(`LISTEN ${CHANNEL}`);
    } catch (err) {
      lost = true; // the caller retries; this client's own 'end' must not schedule a second loop
      c.end().catch(() => {});
      throw err;
    }
    if (stopped) {
      await c.end().catch(() => {});
      return;
    }
    client = c;
  };

  /** Tries to reconnect after `delay`, doubling it (up to MAX_RETRY_MS) after every failure. */
  const schedule = (delay: number): void => {
    if (stopped || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      connectOnce().then(
        () => {
          if (stopped) return;
          log.info('LISTEN connection restored');
          onResync();
        },
        (err: Error) => {
          log.warn(
            { err: err.message, retryInMs: Math.min(delay * 2, MAX_RETRY_MS) },
            'LISTEN reconnect failed',
          );
          schedule(Math.min(delay * 2, MAX_RETRY_MS));
        },
      );
    }, delay);
    retryTimer.unref();
  };

  return {
    lossy: true,
    async start(cb, resync) {
      onNotify = cb;
      onResync = resync ?? (() => {});
      await connectOnce();
    },
    async notify(mallId) {
      await sql`SELECT pg_notify(${CHANNEL}, ${String(mallId)})`.execute(db);
    },
    async stop() {
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      await client?.end().catch(() => {});
    },
  };
}
