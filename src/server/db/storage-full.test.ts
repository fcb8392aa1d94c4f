import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestMall, type TestMall } from '../../../test/harness.js';
import { isDatabaseUnavailable, isStorageFull } from './unavailable.js';

/**
 * A database with no room left (issue 16 §3; the real full disk is test/faults/disk-full.faults.ts).
 * SQLite's `max_page_count` gives the same SQLITE_FULL as a full disk, and the same reaction: SQLite
 * rolls the whole transaction back by itself. Writes must answer 503 STORAGE_FULL — before, Kysely's
 * ROLLBACK of the transaction SQLite had already ended ("no transaction is active") hid the cause and
 * the API answered 500 INTERNAL.
 */
describe('a full SQLite database', () => {
  let t: TestMall;
  let serviceId: number;
  beforeAll(async () => {
    t = await createTestMall('sqlite', { alwaysOpen: true });
    const services = await t.app.inject({ url: `/api/v1/malls/${t.slug}/services?limit=500` });
    serviceId = (services.json().items as { id: number; servedAtMall: boolean }[]).find(
      (s) => s.servedAtMall,
    )!.id;
  });
  afterAll(() => t?.close());

  const pragma = async (text: string) =>
    (await sql.raw(`pragma ${text}`).execute(t.ctx.database.db)).rows[0] as Record<string, unknown>;

  it('answers 503 STORAGE_FULL, alone and in a shared transaction, and writes again once there is room', async () => {
    const pages = Number((await pragma('page_count')).page_count);
    await pragma(`max_page_count = ${pages}`);
    let res = await t.issueKioskTicket(serviceId);
    for (let i = 0; i < 500 && res.statusCode === 201; i++) res = await t.issueKioskTicket(serviceId);
    expect(res.statusCode).toBe(503);
    expect(res.json().error).toMatchObject({
      code: 'STORAGE_FULL',
      message: expect.stringMatching(/penuh.*full/),
    });
    expect(res.headers['retry-after']).toBe('60');

    // Several issues at once share one group-commit transaction: each fails with the cause.
    const together = await Promise.all(Array.from({ length: 5 }, () => t.issueKioskTicket(serviceId)));
    expect(together.map((r) => `${r.statusCode} ${r.json().error?.code}`)).toEqual(
      together.map(() => '503 STORAGE_FULL'),
    );

    await pragma(`max_page_count = ${pages + 100_000}`);
    expect((await t.issueKioskTicket(serviceId)).statusCode).toBe(201);
    expect((await pragma('integrity_check')).integrity_check).toBe('ok');
  });

  it('tells a full disk from an unreachable database', () => {
    const pgDiskFull = Object.assign(new Error('could not extend file "base/16384/2619": No space left'), {
      code: '53100',
    });
    for (const err of [
      Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }),
      pgDiskFull,
      new Error('wrapped', { cause: pgDiskFull }),
      Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }),
    ]) {
      expect(isStorageFull(err)).toBe(true);
      expect(isDatabaseUnavailable(err)).toBe(false);
    }
    expect(isStorageFull(Object.assign(new Error('x'), { code: '57P01' }))).toBe(false);
    expect(isStorageFull(Object.assign(new Error('x'), { code: 'SQLITE_CONSTRAINT' }))).toBe(false);
  });
});
