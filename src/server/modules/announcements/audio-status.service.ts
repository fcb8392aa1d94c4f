import type { DisplayAudioDto, DisplayAudioStatusValue } from '../../../shared/contracts/announcements.js';
import type { DeviceActor } from '../../auth/policy.js';
import { deviceCan } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import type { MallRecord } from '../malls/malls.service.js';
import * as repo from './announcements.repo.js';

/** Boards report on every change and every 5 minutes; past this a report says nothing about now. */
const STALE_MS = 15 * 60_000;

/**
 * A display board's own report of whether it can be heard. Telemetry, not a change anyone made: no
 * audit row (like a device's last-seen time), one row per board replaced each time.
 */
export async function reportAudioStatus(
  ctx: AppContext,
  device: DeviceActor,
  mall: MallRecord,
  status: DisplayAudioStatusValue,
): Promise<void> {
  if (!deviceCan(device, 'display.reportAudio', { mallId: mall.id }))
    throw new AppError('FORBIDDEN', 'Hanya layar mal ini yang dapat melapor (displays of this mall only).');
  await repo.upsertAudioStatus(ctx.database.db, {
    device_id: device.deviceId,
    mall_id: mall.id,
    status,
    reported_at: ctx.now().toISOString(),
  });
}

export async function listAudioStatuses(ctx: AppContext, mall: MallRecord): Promise<DisplayAudioDto[]> {
  const now = ctx.now().getTime();
  return (await repo.audioStatuses(ctx.database.db, mall.id)).map((r) => ({
    deviceId: r.device_id,
    name: r.name,
    status: r.status as DisplayAudioStatusValue,
    reportedAt: r.reported_at,
    stale: now - Date.parse(r.reported_at) > STALE_MS,
  }));
}
