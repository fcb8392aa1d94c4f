import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Tx } from '../db/tx.js';

/** Chain 0 holds deployment-wide changes (national users, new malls); every mall has its own chain. */
export const GLOBAL_CHAIN = 0;
const GENESIS = '0'.repeat(64);

export interface AuditEntry {
  mallId: number | null;
  actorId: number | null;
  action: string;
  entity: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
  at: string;
}

const json = (v: unknown): string | null => (v === undefined || v === null ? null : JSON.stringify(v));

function rowHash(prev: string, r: Omit<DB['audit_log'], 'id' | 'hash' | 'prev_hash'>): string {
  const canonical = JSON.stringify([
    r.chain,
    r.seq,
    r.mall_id,
    r.actor_id,
    r.action,
    r.entity,
    r.entity_id,
    r.before,
    r.after,
    r.at,
  ]);
  return createHash('sha256').update(prev).update(canonical).digest('hex');
}

/**
 * Appends one audit row inside the caller's transaction. Each row carries the hash of the previous
 * row of its chain; the chain head row is updated in the same transaction, which also serialises
 * concurrent writers of one mall on PostgreSQL (row lock) and SQLite (single writer).
 */
export async function appendAudit(tx: Tx, e: AuditEntry): Promise<void> {
  const chain = e.mallId ?? GLOBAL_CHAIN;
  await tx.db
    .insertInto('chain_heads')
    .values({ chain, seq: 0, hash: GENESIS })
    .onConflict((oc) => oc.column('chain').doNothing())
    .execute();
  const head = await tx.db
    .updateTable('chain_heads')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('chain', '=', chain)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  const row = {
    chain,
    seq: head.seq,
    mall_id: e.mallId,
    actor_id: e.actorId,
    action: e.action,
    entity: e.entity,
    entity_id: String(e.entityId),
    before: json(e.before),
    after: json(e.after),
    at: e.at,
  };
  const hash = rowHash(head.hash, row);
  await tx.db
    .insertInto('audit_log')
    .values({ ...row, prev_hash: head.hash, hash })
    .execute();
  await tx.db.updateTable('chain_heads').set({ hash }).where('chain', '=', chain).execute();
}

export interface VerifyResult {
  ok: boolean;
  rows: number;
  chains: number;
  problems: string[];
}

/** Walks every chain (or one mall's): detects edited rows (hash mismatch), deleted rows (seq gaps, head mismatch). */
export async function verifyAudit(db: Kysely<DB>, onlyChain?: number): Promise<VerifyResult> {
  let headsQuery = db.selectFrom('chain_heads').selectAll().orderBy('chain');
  if (onlyChain !== undefined) headsQuery = headsQuery.where('chain', '=', onlyChain);
  const heads = await headsQuery.execute();
  const problems: string[] = [];
  let rows = 0;
  for (const head of heads) {
    let prev = GENESIS;
    let expected = 1;
    const list = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('chain', '=', head.chain)
      .orderBy('seq')
      .execute();
    for (const r of list) {
      rows++;
      if (r.seq !== expected)
        problems.push(`chain ${head.chain}: row seq ${expected} missing (found ${r.seq})`);
      if (r.prev_hash !== prev)
        problems.push(`chain ${head.chain} seq ${r.seq}: previous hash does not match`);
      const { id: _id, hash, prev_hash: _p, ...rest } = r;
      if (rowHash(r.prev_hash, rest) !== hash)
        problems.push(`chain ${head.chain} seq ${r.seq}: row was edited`);
      prev = hash;
      expected = r.seq + 1;
    }
    if (head.seq !== expected - 1 || head.hash !== prev) {
      problems.push(
        `chain ${head.chain}: last rows deleted (head at ${head.seq}, log ends at ${expected - 1})`,
      );
    }
  }
  return { ok: problems.length === 0, rows, chains: heads.length, problems };
}
