import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestMall, dialects, type TestMall } from '../../../../test/harness.js';
import { DisplayAudioList } from '../../../shared/contracts/announcements.js';

describe.each(dialects())('display audio status on %s', (dialect) => {
  let t: TestMall;
  let admin: string;
  let officer: string;
  const start = new Date('2026-11-20T03:00:00Z');
  beforeAll(async () => {
    t = await createTestMall(dialect, { start });
    admin = await t.login('admin');
    officer = await t.login('petugas');
  });
  afterAll(() => t.close());

  const url = () => `/api/v1/malls/${t.slug}/announcements/audio-status`;
  const report = (status: string, token?: string) =>
    t.app.inject({ method: 'PUT', url: url(), payload: { status }, headers: token ? bearer(token) : {} });
  const list = async (token = admin) => {
    const r = await t.app.inject({ method: 'GET', url: url(), headers: bearer(token) });
    return r.statusCode === 200 ? DisplayAudioList.parse(r.json()).items : r.statusCode;
  };

  it('a paired display reports whether it can be heard; the mall admin sees silent and stale boards', async () => {
    const board = await t.pairDevice('display', { name: 'Layar Lantai 1' });
    expect(await list()).toEqual([]);
    expect((await report('blocked', board.token)).statusCode).toBe(204);
    expect(await list()).toEqual([
      {
        deviceId: board.id,
        name: 'Layar Lantai 1',
        status: 'blocked',
        reportedAt: start.toISOString(),
        stale: false,
      },
    ]);
    expect((await report('ok', board.token)).statusCode).toBe(204);
    expect(await list()).toMatchObject([{ status: 'ok' }]);
    // No report for 20 minutes: the board may be off.
    t.setNow(new Date(start.getTime() + 20 * 60_000));
    expect(await list()).toMatchObject([{ status: 'ok', stale: true }]);
    expect(await list(officer)).toBe(403);
  });

  it('only a display of this mall may report, and only a known status', async () => {
    const noToken = await report('ok');
    expect(noToken.statusCode).toBe(401);
    expect((await report('ok', admin)).statusCode).toBe(401);
    const kiosk = await t.kioskToken();
    expect((await report('ok', kiosk)).statusCode).toBe(403);
    const board = await t.pairDevice('display');
    expect((await report('loud', board.token)).statusCode).toBe(400);
  });
});
