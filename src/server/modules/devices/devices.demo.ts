import { createHash } from 'node:crypto';
import { appendAudit } from '../../audit/audit.js';
import type { AppContext } from '../../context.js';
import { inTransaction } from '../../db/tx.js';
import { findMallBySlug } from '../malls/malls.repo.js';
import * as repo from './devices.repo.js';
import { newPairingCode } from './devices.service.js';

const DEMO_DEVICES = [
  { kind: 'kiosk', name: 'Kios demo' },
  { kind: 'display', name: 'Layar demo' },
] as const;
/** Long enough for a demo day; the codes are withdrawn when the demo server stops anyway. */
const DEMO_CODE_HOURS = 12;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export interface DemoPairing {
  kind: 'kiosk' | 'display';
  path: string;
}

/**
 * `npm start` keeps the demo to two commands: a demo kiosk and display of the demo mall get fresh
 * pairing codes, printed as ready-to-open links. Never in production. Returns the links and a
 * function that withdraws the codes (called when the server stops).
 */
export async function demoPairingLinks(
  ctx: AppContext,
  mallSlug = 'demo',
): Promise<{ links: DemoPairing[]; withdraw: () => Promise<void> }> {
  const none = { links: [], withdraw: async () => {} };
  if (ctx.config.NODE_ENV === 'production') return none;
  const mall = await findMallBySlug(ctx.database.db, mallSlug);
  if (!mall) return none;
  const now = ctx.now();
  const at = now.toISOString();
  const expires = new Date(now.getTime() + DEMO_CODE_HOURS * 3_600_000).toISOString();
  const made = await inTransaction(ctx.database.db, async (tx) => {
    const existing = await repo.listDevices(tx.db, mall.id);
    const out: { id: number; kind: 'kiosk' | 'display'; code: string }[] = [];
    for (const d of DEMO_DEVICES) {
      const code = newPairingCode();
      const found = existing.find((e) => e.kind === d.kind && e.name === d.name);
      const pairing = { pairing_code_hash: sha256(code), pairing_expires_at: expires, updated_at: at };
      if (found) await repo.updateDevice(tx.db, found.id, pairing);
      const id = found
        ? found.id
        : await repo.insertDevice(tx.db, {
            mall_id: mall.id,
            kind: d.kind,
            name: d.name,
            zone_id: null,
            token_hash: null,
            ...pairing,
            paired_at: null,
            last_seen_at: null,
            revoked_at: null,
            printer: null,
            last_print_at: null,
            last_print_error: null,
            created_at: at,
          });
      await appendAudit(tx, {
        mallId: mall.id,
        actorId: null,
        action: 'device.pairingCode',
        entity: 'device',
        entityId: id,
        after: { demo: true, pairingExpiresAt: expires },
        at,
      });
      out.push({ id, kind: d.kind, code });
    }
    return out;
  });
  return {
    links: made.map((m) => ({ kind: m.kind, path: `/${mall.slug}/${m.kind}?pair=${m.code}` })),
    withdraw: async () => {
      for (const m of made) await repo.withdrawPairingCode(ctx.database.db, m.id, sha256(m.code));
    },
  };
}
