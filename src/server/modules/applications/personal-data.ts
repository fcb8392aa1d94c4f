import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { AppContext } from '../../context.js';
import * as repo from './applications.repo.js';

/**
 * The NIK is kept encrypted (AES-256-GCM) with a keyed hash beside it (to find a citizen's files
 * again without decrypting every row). The key is `PERSONAL_DATA_KEY` (32 bytes, base64) when set;
 * otherwise one is made on first use and kept in `installation_secrets` (insert-if-absent, so every
 * node of a PostgreSQL deployment agrees). Set the variable in production so that a copy of the
 * database alone does not reveal identity numbers.
 */
const keys = new WeakMap<AppContext, Promise<Buffer>>();

async function loadKey(ctx: AppContext): Promise<Buffer> {
  if (ctx.config.PERSONAL_DATA_KEY) return Buffer.from(ctx.config.PERSONAL_DATA_KEY, 'base64');
  const made = randomBytes(32).toString('base64');
  const value = await repo.secret(ctx.database.db, 'personal-data-key', made, ctx.now().toISOString());
  return Buffer.from(value, 'base64');
}

function key(ctx: AppContext): Promise<Buffer> {
  let k = keys.get(ctx);
  if (!k) {
    k = loadKey(ctx);
    k.catch(() => keys.delete(ctx));
    keys.set(ctx, k);
  }
  return k;
}

export async function seal(ctx: AppContext, plain: string): Promise<string> {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', await key(ctx), iv);
  const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return `v1.${iv.toString('base64')}.${c.getAuthTag().toString('base64')}.${body.toString('base64')}`;
}

export async function open(ctx: AppContext, sealed: string): Promise<string> {
  return openWith(await key(ctx), sealed);
}

/** Decrypts with the given key; throws when the key is not the one that sealed it (GCM tag). */
export function openWith(k: Buffer, sealed: string): string {
  const [v, iv, tag, body] = sealed.split('.');
  if (v !== 'v1' || !iv || !tag || !body) throw new Error('unknown sealed format');
  const d = createDecipheriv('aes-256-gcm', k, Buffer.from(iv, 'base64'));
  d.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([d.update(Buffer.from(body, 'base64')), d.final()]).toString('utf8');
}

export async function lookupHash(ctx: AppContext, plain: string): Promise<string> {
  return createHmac('sha256', await key(ctx))
    .update(`nik:${plain}`)
    .digest('hex');
}
