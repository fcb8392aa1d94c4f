import type { Kysely, Transaction } from 'kysely';
import {
  MESSAGE_PLACEHOLDERS,
  type MessageEvent,
  MessageLocale,
  type MessageTemplate,
  type RenderedMessage,
} from '../../../shared/contracts/outbox.js';
import { fillTemplate, unknownPlaceholders } from '../../../shared/domain/message-template.js';
import { appendAudit } from '../../audit/audit.js';
import type { Actor } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { inTransaction } from '../../db/tx.js';
import { AppError } from '../../errors.js';
import { resolvePublicUrl } from '../../public-url.js';
import type { MallRecord } from '../malls/malls.service.js';
import { DEFAULT_TEMPLATES, sampleValues } from './templates.defaults.js';
import * as repo from './templates.repo.js';

type Row = Awaited<ReturnType<typeof repo.findTemplate>>;

function toDto(event: MessageEvent, locale: MessageLocale, row: Row): MessageTemplate {
  const d = DEFAULT_TEMPLATES[event][locale];
  return {
    event,
    locale,
    subject: row?.subject ?? d.subject,
    text: row?.text ?? d.text,
    custom: Boolean(row),
    placeholders: [...MESSAGE_PLACEHOLDERS[event]],
    updatedAt: row?.updated_at ?? null,
  };
}

/**
 * Renders one message in the mall's wording (its own template, else the default) for the notify
 * sink and the webhook module. Unknown locales fall back to Bahasa Indonesia; `{{mall}}` defaults to
 * the mall's name. Call it when queuing: the outbox stores the rendered text, so every retry sends
 * exactly what was rendered.
 */
export async function renderMessage(
  _ctx: AppContext,
  db: Kysely<DB> | Transaction<DB>,
  mallId: number,
  event: MessageEvent,
  locale: string,
  vars: Record<string, string | number | undefined>,
): Promise<RenderedMessage> {
  const loc = MessageLocale.safeParse(locale).data ?? 'id';
  const row = await repo.findTemplate(db, mallId, event, loc);
  const t = toDto(event, loc, row);
  const values = { ...vars };
  if (values.mall === undefined) values.mall = (await repo.mallName(db, mallId))?.name;
  return { subject: fillTemplate(t.subject, values).trim(), text: fillTemplate(t.text, values).trim() };
}

export async function listMessageTemplates(ctx: AppContext, mall: MallRecord): Promise<MessageTemplate[]> {
  const own = await repo.listTemplates(ctx.database.db, mall.id);
  const out: MessageTemplate[] = [];
  for (const event of Object.keys(DEFAULT_TEMPLATES) as MessageEvent[]) {
    for (const locale of MessageLocale.options) {
      out.push(
        toDto(
          event,
          locale,
          own.find((r) => r.event === event && r.locale === locale),
        ),
      );
    }
  }
  return out;
}

export async function getMessageTemplate(
  ctx: AppContext,
  mall: MallRecord,
  event: MessageEvent,
  locale: MessageLocale,
): Promise<MessageTemplate> {
  return toDto(event, locale, await repo.findTemplate(ctx.database.db, mall.id, event, locale));
}

/** 422 TEMPLATE_INVALID naming every unknown placeholder and the ones the event offers. */
function checkPlaceholders(event: MessageEvent, input: { subject: string; text: string }): void {
  const allowed = MESSAGE_PLACEHOLDERS[event];
  const bad = [
    ...new Set([...unknownPlaceholders(input.subject, allowed), ...unknownPlaceholders(input.text, allowed)]),
  ];
  if (bad.length === 0) return;
  const shown = bad.map((b) =>
    b.startsWith('{') || b.startsWith('}') ? `"${b}" tanpa pasangan` : `{{${b}}}`,
  );
  const offer = allowed.map((a) => `{{${a}}}`).join(', ');
  throw new AppError(
    'TEMPLATE_INVALID',
    `Isian ${shown.join(', ')} tidak dikenal untuk pesan ${event}. Yang tersedia: ${offer}. (Unknown placeholder; available: ${offer}.)`,
    { unknown: bad, allowed },
  );
}

export async function saveMessageTemplate(
  ctx: AppContext,
  actor: Actor,
  mall: MallRecord,
  event: MessageEvent,
  locale: MessageLocale,
  input: { subject: string; text: string },
): Promise<MessageTemplate> {
  checkPlaceholders(event, input);
  const at = ctx.now().toISOString();
  return inTransaction(ctx.database.db, async (tx) => {
    const before = await repo.findTemplate(tx.db, mall.id, event, locale);
    await repo.upsertTemplate(tx.db, { mallId: mall.id, event, locale, ...input, by: actor.id, at });
    await appendAudit(tx, {
      mallId: mall.id,
      actorId: actor.id,
      action: 'message_template.update',
      entity: 'message_template',
      entityId: `${event}:${locale}`,
      before: before ? { subject: before.subject, text: before.text } : null,
      after: input,
      at,
    });
    return toDto(event, locale, await repo.findTemplate(tx.db, mall.id, event, locale));
  });
}

/** Back to the default wording (the mall's row is deleted). */
export async function resetMessageTemplate(
  ctx: AppContext,
  actor: Actor,
  mall: MallRecord,
  event: MessageEvent,
  locale: MessageLocale,
): Promise<MessageTemplate> {
  const at = ctx.now().toISOString();
  return inTransaction(ctx.database.db, async (tx) => {
    const before = await repo.findTemplate(tx.db, mall.id, event, locale);
    if (before) {
      await repo.deleteTemplate(tx.db, mall.id, event, locale);
      await appendAudit(tx, {
        mallId: mall.id,
        actorId: actor.id,
        action: 'message_template.reset',
        entity: 'message_template',
        entityId: `${event}:${locale}`,
        before: { subject: before.subject, text: before.text },
        at,
      });
    }
    return toDto(event, locale, undefined);
  });
}

/** The given wording filled with sample values (nothing is saved). */
export function previewMessage(
  ctx: AppContext,
  mall: MallRecord,
  input: { event: MessageEvent; locale: MessageLocale; subject: string; text: string },
): RenderedMessage {
  checkPlaceholders(input.event, input);
  const vars = sampleValues(input.locale, mall, resolvePublicUrl(ctx.config));
  return { subject: fillTemplate(input.subject, vars).trim(), text: fillTemplate(input.text, vars).trim() };
}
