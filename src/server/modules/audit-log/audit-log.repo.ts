import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

export interface AuditFilter {
  entity?: string;
  entityId?: string;
  action?: string;
  beforeSeq?: number;
  limit: number;
}

/** A mall's audit rows, newest first, with who did it. */
export function listAudit(db: Kysely<DB>, mallId: number, f: AuditFilter) {
  let q = db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_id')
    .select([
      'audit_log.seq',
      'audit_log.action',
      'audit_log.entity',
      'audit_log.entity_id',
      'audit_log.before',
      'audit_log.after',
      'audit_log.at',
      'audit_log.hash',
      'users.username as actor',
    ])
    .where('audit_log.chain', '=', mallId);
  if (f.entity) q = q.where('audit_log.entity', '=', f.entity);
  if (f.entityId) q = q.where('audit_log.entity_id', '=', f.entityId);
  if (f.action) q = q.where('audit_log.action', '=', f.action);
  if (f.beforeSeq) q = q.where('audit_log.seq', '<', f.beforeSeq);
  return q.orderBy('audit_log.seq', 'desc').limit(f.limit).execute();
}
