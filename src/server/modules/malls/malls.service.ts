import type { z } from 'zod';
import { type Mall, Slug } from '../../../shared/contracts/catalog.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import * as repo from './malls.repo.js';

export type MallRecord = NonNullable<Awaited<ReturnType<typeof repo.findMallBySlug>>>;

/** Looks a mall up by its slug or answers 404 MALL_NOT_FOUND. */
export async function resolveMall(ctx: AppContext, slug: string): Promise<MallRecord> {
  // Only a well-formed slug is looked up: anything else names no mall, and text such as a NUL
  // byte (which PostgreSQL refuses outright) never reaches the database.
  const mall = Slug.safeParse(slug).success ? await repo.findMallBySlug(ctx.database.db, slug) : undefined;
  if (!mall)
    throw new AppError('MALL_NOT_FOUND', `Mal "${slug.slice(0, 64)}" tidak ditemukan (mall not found).`);
  return mall;
}

export function toMallDto(m: MallRecord): z.infer<typeof Mall> {
  return {
    id: m.id,
    status: m.status === 'preparing' ? 'preparing' : 'open',
    slug: m.slug,
    name: m.name,
    timezone: m.timezone,
    address: m.address,
    workingWeekdays: JSON.parse(m.working_days) as number[],
    notifyWhenAhead: m.notify_when_ahead,
    retentionDays: m.retention_days,
  };
}

export async function listMalls(ctx: AppContext) {
  return (await repo.listMalls(ctx.database.db)).map(toMallDto);
}
