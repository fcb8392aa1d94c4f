import { createHash, randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { Device, DeviceInput, DevicePatch, DeviceSelf } from '../../../shared/contracts/devices.js';
import { appendAudit } from '../../audit/audit.js';
import type { Actor, DeviceActor } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { inTransaction, type Tx } from '../../db/tx.js';
import { AppError, notFound } from '../../errors.js';
import type { MallRecord } from '../malls/malls.service.js';
import * as repo from './devices.repo.js';

/** A pairing code is typed on a kiosk or scanned from the admin screen within this time. */
export const PAIRING_MINUTES = 15;
/** A device seen within this many seconds shows as online (screens check in every minute). */
export const ONLINE_SECONDS = 150;
/** Last-seen is written at most this often per device, so a busy kiosk adds no write per ticket. */
const TOUCH_EVERY_MS = 30_000;
/** Device tokens carry a prefix so the request hook looks them up without trying sessions first. */
export const DEVICE_TOKEN_PREFIX = 'dev_';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** 8 characters without look-alikes (0/O, 1/I): quick to type on a kiosk, 40 bits for 15 minutes. */
export function newPairingCode(): string {
  return [...randomBytes(8)].map((b) => CODE_ALPHABET[b % 32]).join('');
}
/** What people type: any case, with spaces or dashes between the groups. */
const normalizeCode = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');

export const isDeviceToken = (token: string) => token.startsWith(DEVICE_TOKEN_PREFIX);

function status(d: repo.DeviceRow, now: Date): z.infer<typeof Device>['status'] {
  const nowIso = now.toISOString();
  if (d.pairing_expires_at && d.pairing_expires_at > nowIso) return 'pairing';
  if (!d.token_hash) return 'unpaired';
  const seen = d.last_seen_at ? Date.parse(d.last_seen_at) : 0;
  return now.getTime() - seen <= ONLINE_SECONDS * 1000 ? 'online' : 'offline';
}

export function toDeviceDto(d: repo.DeviceRow, now: Date): z.infer<typeof Device> {
  const pairing = d.pairing_expires_at && d.pairing_expires_at > now.toISOString();
  return {
    id: d.id,
    kind: d.kind as 'kiosk' | 'display',
    name: d.name,
    zone: d.zone_slug,
    status: status(d, now),
    printer: d.printer,
    pairedAt: d.paired_at,
    lastSeenAt: d.last_seen_at,
    pairingExpiresAt: pairing ? d.pairing_expires_at : null,
    lastPrintAt: d.last_print_at,
    lastPrintError: d.last_print_error,
    createdAt: d.created_at,
  };
}

async function zoneId(tx: Tx, mallId: number, slug: string | null | undefined): Promise<number | null> {
  if (!slug) return null;
  const z = await repo.findZoneId(tx.db, mallId, slug);
  return z ? z.id : repo.insertZone(tx.db, mallId, slug);
}

async function loadDevice(ctx: AppContext, db: Tx['db'] | undefined, mallId: number, id: number) {
  const d = await repo.findDevice(db ?? ctx.database.db, mallId, id);
  if (!d) throw notFound('DEVICE_NOT_FOUND', 'Perangkat');
  return d;
}

/** Registers a kiosk or display and gives it its first pairing code (shown once). */
export async function createDevice(
  ctx: AppContext,
  actor: Actor,
  mall: MallRecord,
  input: z.infer<typeof DeviceInput>,
  opts: { pairingMinutes?: number } = {},
) {
  const now = ctx.now();
  const at = now.toISOString();
  const code = newPairingCode();
  const expires = new Date(now.getTime() + (opts.pairingMinutes ?? PAIRING_MINUTES) * 60_000).toISOString();
  const row = await inTransaction(ctx.database.db, async (tx) => {
    const id = await repo.insertDevice(tx.db, {
      mall_id: mall.id,
      kind: input.kind,
      name: input.name,
      zone_id: await zoneId(tx, mall.id, input.zone),
      token_hash: null,
      pairing_code_hash: sha256(code),
      pairing_expires_at: expires,
      paired_at: null,
      last_seen_at: null,
      revoked_at: null,
      printer: input.kind === 'kiosk' ? (input.printer ?? null) : null,
      last_print_at: null,
      last_print_error: null,
      created_at: at,
      updated_at: at,
    });
    await appendAudit(tx, {
      mallId: mall.id,
      actorId: actor.id,
      action: 'device.create',
      entity: 'device',
      entityId: id,
      after: { kind: input.kind, name: input.name, zone: input.zone ?? null, printer: input.printer ?? null },
      at,
    });
    return loadDevice(ctx, tx.db, mall.id, id);
  });
  return { ...toDeviceDto(row, now), pairingCode: code, pairingExpiresAt: expires };
}

export async function listDevices(ctx: AppContext, mall: MallRecord) {
  const now = ctx.now();
  return (await repo.listDevices(ctx.database.db, mall.id)).map((d) => toDeviceDto(d, now));
}

/**
 * A fresh pairing code for an existing device (a replaced screen, a cleared browser). The device's
 * current token keeps working until the new code is used, which then replaces it.
 */
export async function newPairingCodeFor(
  ctx: AppContext,
  actor: Actor,
  mall: MallRecord,
  id: number,
  opts: { pairingMinutes?: number } = {},
) {
  const now = ctx.now();
  const at = now.toISOString();
  const code = newPairingCode();
  const expires = new Date(now.getTime() + (opts.pairingMinutes ?? PAIRING_MINUTES) * 60_000).toISOString();
  const row = await inTransaction(ctx.database.db, async (tx) => {
    await loadDevice(ctx, tx.db, mall.id, id);
    await repo.updateDevice(tx.db, id, {
      pairing_code_hash: sha256(code),
      pairing_expires_at: expires,
      updated_at: at,
    });
    await appendAudit(tx, {
      mallId: mall.id,
      actorId: actor.id,
      action: 'device.pairingCode',
      entity: 'device',
      entityId: id,
      after: { pairingExpiresAt: expires },
      at,
    });
    return loadDevice(ctx, tx.db, mall.id, id);
  });
  return { ...toDeviceDto(row, now), pairingCode: code, pairingExpiresAt: expires };
}

/** PATCH: changes only the fields it names (name, zone, printer). */
export async function updateDevice(
  ctx: AppContext,
  actor: Actor,
  mall: MallRecord,
  id: number,
  patch: z.infer<typeof DevicePatch>,
) {
  const now = ctx.now();
  const at = now.toISOString();
  const row = await inTransaction(ctx.database.db, async (tx) => {
    const before = await loadDevice(ctx, tx.db, mall.id, id);
    const set: Parameters<typeof repo.updateDevice>[2] = { updated_at: at };
    if (patch.name !== undefined) set.name = patch.name;
    if (patch.zone !== undefined) set.zone_id = await zoneId(tx, mall.id, patch.zone);
    if (patch.printer !== undefined) {
      if (patch.printer && before.kind !== 'kiosk')
        throw new AppError('UNPROCESSABLE', 'Hanya kios yang dapat memakai printer (only kiosks print).');
      set.printer = patch.printer;
      if (!patch.printer) set.last_print_error = null;
    }
    await repo.updateDevice(tx.db, id, set);
    await appendAudit(tx, {
      mallId: mall.id,
      actorId: actor.id,
      action: 'device.update',
      entity: 'device',
      entityId: id,
      before: { name: before.name, zone: before.zone_slug, printer: before.printer },
      after: patch,
      at,
    });
    return loadDevice(ctx, tx.db, mall.id, id);
  });
  return toDeviceDto(row, now);
}

/** Revokes at once: the token hash is dropped, so the very next request with it is anonymous. */
export async function revokeDevice(ctx: AppContext, actor: Actor, mall: MallRecord, id: number) {
  const at = ctx.now().toISOString();
  await inTransaction(ctx.database.db, async (tx) => {
    const d = await loadDevice(ctx, tx.db, mall.id, id);
    await repo.updateDevice(tx.db, id, {
      revoked_at: at,
      token_hash: null,
      pairing_code_hash: null,
      pairing_expires_at: null,
      updated_at: at,
    });
    await appendAudit(tx, {
      mallId: mall.id,
      actorId: actor.id,
      action: 'device.revoke',
      entity: 'device',
      entityId: id,
      before: { kind: d.kind, name: d.name },
      at,
    });
  });
}

async function selfView(
  ctx: AppContext,
  d: Pick<repo.DeviceRow, 'id' | 'kind' | 'name' | 'zone_slug' | 'mall_id' | 'printer'>,
) {
  const mall = await repo.findMallById(ctx.database.db, d.mall_id);
  if (!mall) throw notFound('MALL_NOT_FOUND', 'Mal');
  const self: z.infer<typeof DeviceSelf> = {
    id: d.id,
    kind: d.kind as 'kiosk' | 'display',
    name: d.name,
    zone: d.zone_slug,
    mall,
    printer: Boolean(d.printer),
  };
  return self;
}

/**
 * Exchanges a one-time pairing code for the device's bearer token. An unknown code, a used one and
 * an expired one are told apart so the screen can say what to do next.
 */
export async function pair(ctx: AppContext, rawCode: string) {
  const now = ctx.now();
  const at = now.toISOString();
  const codeHash = sha256(normalizeCode(rawCode));
  const token = DEVICE_TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const d = await inTransaction(ctx.database.db, async (tx) => {
    const found = await repo.findByCodeHash(tx.db, codeHash);
    if (!found)
      throw new AppError('PAIRING_CODE_INVALID', 'Kode pemasangan tidak dikenal (unknown pairing code).');
    if (!found.pairing_expires_at)
      throw new AppError('PAIRING_CODE_USED', 'Kode pemasangan sudah dipakai (pairing code already used).');
    if (found.pairing_expires_at <= at)
      throw new AppError(
        'PAIRING_CODE_EXPIRED',
        'Kode pemasangan kedaluwarsa; minta kode baru (pairing code expired).',
      );
    if (!(await repo.claimPairing(tx.db, found.id, codeHash, at, sha256(token))))
      throw new AppError('PAIRING_CODE_USED', 'Kode pemasangan sudah dipakai (pairing code already used).');
    await appendAudit(tx, {
      mallId: found.mall_id,
      actorId: null,
      action: 'device.pair',
      entity: 'device',
      entityId: found.id,
      after: { kind: found.kind, name: found.name },
      at,
    });
    return found;
  });
  return { token, device: await selfView(ctx, d) };
}

/** The device behind a request: what the policy needs, plus its printer (read with the token). */
export type AuthenticatedDevice = DeviceActor & { printer: string | null };

/** Resolves a device token to its device (null when unknown or revoked) and notes that it was seen. */
export async function authenticateDevice(
  ctx: AppContext,
  token: string,
): Promise<AuthenticatedDevice | null> {
  if (token.length < 20 || token.length > 200) return null;
  const d = await repo.findByTokenHash(ctx.database.db, sha256(token));
  if (!d) return null;
  const now = ctx.now();
  if (!d.last_seen_at || now.getTime() - Date.parse(d.last_seen_at) >= TOUCH_EVERY_MS)
    await repo.touchLastSeen(ctx.database.db, d.id, now.toISOString());
  return {
    deviceId: d.id,
    kind: d.kind as 'kiosk' | 'display',
    mallId: d.mall_id,
    zoneId: d.zone_id,
    printer: d.printer,
  };
}

/** The paired device's own view (its mall and zone), also its check-in while it runs. */
export async function deviceSelf(ctx: AppContext, device: DeviceActor) {
  return selfView(ctx, await loadDevice(ctx, undefined, device.mallId, device.deviceId));
}
