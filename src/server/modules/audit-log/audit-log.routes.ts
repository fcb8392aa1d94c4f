import { z } from 'zod';
import { verifyAudit } from '../../audit/audit.js';
import { guard } from '../../auth/guard.js';
import type { AppContext } from '../../context.js';
import { type App, MallParams } from '../../http.js';
import { listAudit } from './audit-log.repo.js';

const AuditRow = z.object({
  seq: z.number(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  actor: z.string().nullable(),
  at: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  hash: z.string(),
});

const parse = (v: string | null): unknown => (v === null ? null : JSON.parse(v));

/** The audit trail for mall admins and auditors (read-only), and a check of its hash chain. */
export async function auditLogRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(
    '/api/v1/malls/:mall/audit',
    {
      config: { access: 'staff', action: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'Audit trail of the mall, newest first (who, when, what, before/after)',
        params: MallParams,
        querystring: z.object({
          entity: z.string().max(64).optional(),
          entityId: z.string().max(64).optional(),
          action: z.string().max(64).optional(),
          beforeSeq: z.coerce.number().int().positive().optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.object({ items: z.array(AuditRow) }) },
      },
    },
    async (req) => {
      const mall = req.mall;
      guard(req, 'audit.read', { mallId: mall.id });
      const rows = await listAudit(ctx.database.db, mall.id, req.query);
      return {
        items: rows.map((r) => ({
          seq: r.seq,
          action: r.action,
          entity: r.entity,
          entityId: r.entity_id,
          actor: r.actor,
          at: r.at,
          before: parse(r.before),
          after: parse(r.after),
          hash: r.hash,
        })),
      };
    },
  );

  app.get(
    '/api/v1/malls/:mall/audit/verify',
    {
      config: { access: 'staff', action: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'Walk the mall’s hash chain: reports any edited or deleted audit row',
        params: MallParams,
        response: {
          200: z.object({
            ok: z.boolean(),
            rows: z.number(),
            chains: z.number(),
            problems: z.array(z.string()),
          }),
        },
      },
    },
    async (req) => {
      const mall = req.mall;
      guard(req, 'audit.read', { mallId: mall.id });
      return verifyAudit(ctx.database.db, mall.id);
    },
  );
}
