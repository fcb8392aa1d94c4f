import type { z } from 'zod';
import type { ComplaintSettings, ComplaintSettingsInput } from '../../../shared/contracts/complaints.js';
import { normalizeIndonesianPhone } from '../../../shared/domain/phone.js';
import { appendAudit } from '../../audit/audit.js';
import type { Actor } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { inTransaction } from '../../db/tx.js';
import { AppError } from '../../errors.js';
import type { MallRecord } from '../malls/malls.service.js';
import * as repo from './complaints.repo.js';

/** Where overdue complaints are escalated besides the desk: the mall's own e-mail and WhatsApp number. */
export async function getSettings(
  ctx: AppContext,
  mall: MallRecord,
): Promise<z.infer<typeof ComplaintSettings>> {
  const s = await repo.findSettings(ctx.database.db, mall.id);
  return { escalationEmail: s?.escalation_email ?? null, escalationPhone: s?.escalation_phone ?? null };
}

export async function saveSettings(
  ctx: AppContext,
  actor: Actor,
  mall: MallRecord,
  input: z.infer<typeof ComplaintSettingsInput>,
) {
  const phone = input.escalationPhone ? normalizeIndonesianPhone(input.escalationPhone) : null;
  if (input.escalationPhone && !phone)
    throw new AppError('INVALID_PHONE', 'Nomor HP tidak valid (not an Indonesian mobile number).');
  const email = input.escalationEmail?.toLowerCase() || null;
  const at = ctx.now().toISOString();
  await inTransaction(ctx.database.db, async (tx) => {
    const before = await repo.findSettings(tx.db, mall.id);
    await repo.saveSettings(tx.db, mall.id, {
      escalation_email: email,
      escalation_phone: phone,
      updated_at: at,
    });
    await appendAudit(tx, {
      mallId: mall.id,
      actorId: actor.id,
      action: 'complaint.settings',
      entity: 'mall',
      entityId: mall.id,
      before: before ? { email: before.escalation_email, phone: before.escalation_phone } : undefined,
      after: { email, phone },
      at,
    });
  });
  return { escalationEmail: email, escalationPhone: phone };
}
