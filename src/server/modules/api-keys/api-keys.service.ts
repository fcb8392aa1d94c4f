import { createHash, randomBytes } from 'node:crypto';
import type { z } from 'zod';
import {
  API_KEY_PREFIX,
  type ApiKey,
  type ApiKeyCreated,
  type ApiKeyInput,
  type ApiScopeName,
  DEFAULT_API_SCOPES,
} from '../../../shared/contracts/integrations.js';
import { appendAudit } from '../../audit/audit.js';
import type { Actor } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { inTransaction } from '../../db/tx.js';
import { notFound } from '../../errors.js';
import type { MallRecord } from '../malls/malls.service.js';
import * as repo from './api-keys.repo.js';

/** Last-used is written at most this often per key, so a busy integrator adds no write per request. */
const TOUCH_EVERY_MS = 60_000;
/** How much of the key the list shows ("sa_" + 8 characters): enough to tell keys apart, useless alone. */
const PREFIX_LENGTH = API_KEY_PREFIX.length + 8;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
export const isApiKey = (token: string) => token.startsWith(API_KEY_PREFIX);

/** Who did it, for audit rows: a user's id, or null for an integrator (the row names its key). */
export const auditActorId = (actor: Actor) => (actor.role === 'integrator' ? null : actor.id);
export const auditVia = (actor: Actor) =>
  actor.role === 'integrator' ? { apiKeyId: actor.apiKeyId ?? null } : {};

function toDto(k: repo.ApiKeyRow): z.infer<typeof ApiKey> {
  return {
    id: k.id,
    name: k.name,
    scopes: JSON.parse(k.scopes) as ApiScopeName[],
    keyPrefix: k.key_prefix,
    createdAt: k.created_at,
    lastUsedAt: k.last_used_at,
    revokedAt: k.revoked_at,
  };
}

export async function listApiKeys(ctx: AppContext, mall: MallRecord) {
  return (await repo.listApiKeys(ctx.database.db, mall.id)).map(toDto);
}

/** Issues a key: "sa_" + 32 random bytes (base64url). Only its SHA-256 is stored; it is shown once. */
export async function createApiKey(
  ctx: AppContext,
  actor: Actor,
  mall: MallRecord,
  input: z.infer<typeof ApiKeyInput>,
): Promise<z.infer<typeof ApiKeyCreated>> {
  const at = ctx.now().toISOString();
  const key = API_KEY_PREFIX + randomBytes(32).toString('base64url');
  const scopes = [...new Set(input.scopes ?? DEFAULT_API_SCOPES)];
  const keyPrefix = key.slice(0, PREFIX_LENGTH);
  const id = await inTransaction(ctx.database.db, async (tx) => {
    const id = await repo.insertApiKey(tx.db, {
      mall_id: mall.id,
      name: input.name,
      scopes: JSON.stringify(scopes),
      key_hash: sha256(key),
      key_prefix: keyPrefix,
      created_by: auditActorId(actor),
      created_at: at,
      last_used_at: null,
      revoked_at: null,
    });
    await appendAudit(tx, {
      mallId: mall.id,
      actorId: auditActorId(actor),
      action: 'apiKey.create',
      entity: 'api_key',
      entityId: id,
      after: { name: input.name, scopes, keyPrefix, ...auditVia(actor) },
      at,
    });
    return id;
  });
  return { id, name: input.name, scopes, key, keyPrefix, createdAt: at };
}

/** Revokes at once: the very next request with the key is anonymous (401 on staff routes). */
export async function revokeApiKey(ctx: AppContext, actor: Actor, mall: MallRecord, id: number) {
  const at = ctx.now().toISOString();
  await inTransaction(ctx.database.db, async (tx) => {
    const k = await repo.findApiKey(tx.db, mall.id, id);
    if (!k || k.revoked_at) throw notFound('API_KEY_NOT_FOUND', 'Kunci API');
    await repo.revokeApiKey(tx.db, id, at);
    await appendAudit(tx, {
      mallId: mall.id,
      actorId: auditActorId(actor),
      action: 'apiKey.revoke',
      entity: 'api_key',
      entityId: id,
      before: { name: k.name, scopes: JSON.parse(k.scopes), keyPrefix: k.key_prefix },
      after: auditVia(actor),
      at,
    });
  });
}

/**
 * Resolves an API key to an integrator actor of its mall with its scopes (null when unknown or
 * revoked). The policy (`can`) then allows only what the scopes name.
 */
export async function authenticateApiKey(ctx: AppContext, key: string): Promise<Actor | null> {
  if (key.length < 20 || key.length > 200) return null;
  const k = await repo.findLiveByHash(ctx.database.db, sha256(key));
  if (!k) return null;
  const now = ctx.now();
  if (!k.last_used_at || now.getTime() - Date.parse(k.last_used_at) >= TOUCH_EVERY_MS)
    await repo.touchLastUsed(ctx.database.db, k.id, now.toISOString());
  return {
    id: 0,
    username: `api-key:${k.name}`,
    role: 'integrator',
    mallId: k.mall_id,
    agencyId: null,
    counterIds: [],
    apiKeyId: k.id,
    scopes: JSON.parse(k.scopes) as ApiScopeName[],
  };
}
