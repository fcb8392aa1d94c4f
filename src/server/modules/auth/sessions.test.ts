import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestMall, dialects, type TestMall } from '../../../../test/harness.js';
import { createThrowawayDb, pgServerFromTestEnv, type ThrowawayDb } from '../../../../test/process/pg-db.js';
import { deleteExpiredSessions } from './auth.service.js';

describe.each(dialects())('expired sessions on %s', (dialect) => {
  // A database of its own: the deletion is installation-wide and this test moves its clock.
  let own: ThrowawayDb | undefined;
  let t: TestMall;
  const start = Date.parse('2026-12-07T00:30:00Z');
  beforeAll(async () => {
    if (dialect === 'postgres') own = await createThrowawayDb(pgServerFromTestEnv() as string, 'sessions');
    t = await createTestMall(dialect, { databaseUrl: own?.url, start: new Date(start) });
  });
  afterAll(async () => {
    await t.close();
    await own?.drop();
  });
  const sessions = async () =>
    Number(
      (
        await t.ctx.database.db
          .selectFrom('sessions')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const me = (token: string) =>
    t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(token) });

  it('deletes sessions once they expired (SESSION_TTL_HOURS, 12) and keeps the live ones', async () => {
    const before = await sessions();
    await t.login('admin');
    await t.login('petugas');
    t.setNow(new Date(start + 11 * 3_600_000));
    expect(await deleteExpiredSessions(t.ctx)).toBe(0);
    const later = await t.login('admin');
    expect(await sessions()).toBe(before + 3);
    t.setNow(new Date(start + 13 * 3_600_000));
    expect(await deleteExpiredSessions(t.ctx)).toBe(before + 2);
    expect(await sessions()).toBe(1);
    expect((await me(later)).statusCode).toBe(200);
    t.setNow(new Date(start + 24 * 3_600_000));
    expect(await deleteExpiredSessions(t.ctx)).toBe(1);
    expect((await me(later)).statusCode).toBe(401);
  });
});
