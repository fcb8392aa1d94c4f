import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestMall, dialects, type TestMall } from '../../../../test/harness.js';

describe.each(dialects())('opening hours for citizens on %s', (dialect) => {
  let t: TestMall;
  beforeAll(async () => {
    t = await createTestMall(dialect, { start: new Date('2026-12-04T05:00:00Z') });
  });
  afterAll(() => t.close());
  const hours = async () =>
    (await t.app.inject({ method: 'GET', url: `/api/v1/malls/${t.slug}/opening-hours` })).json();

  it('the demo mall serves round the clock, every day until 24:00', async () => {
    const h = await hours();
    expect(h.days).toHaveLength(7);
    expect(
      h.days.every((d: { opens: string; closes: string }) => d.opens === '00:00' && d.closes === '24:00'),
    ).toBe(true);
    expect(h.now).toEqual({ open: true, reason: null, nextOpening: null });
  });

  it('says when a closed mall opens next: after the Friday-prayer break, and on Monday after the weekend', async () => {
    const admin = await t.login('admin');
    const day = (weekday: number) => ({
      weekday,
      opens: '08:00',
      closes: weekday === 5 ? '15:30' : '15:00',
      breaks: weekday === 5 ? [{ start: '11:30', end: '13:00', label: 'Istirahat salat Jumat' }] : [],
    });
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/malls/${t.slug}/opening-hours`,
      headers: bearer(admin),
      payload: { days: [1, 2, 3, 4, 5].map(day), workingWeekdays: [1, 2, 3, 4, 5] },
    });
    expect(put.statusCode, put.body).toBeLessThan(300);
    // Friday 4 December 2026, 12:00 WIB: in the prayer break; open again at 13:00 WIB (06:00Z).
    t.setNow(new Date('2026-12-04T05:00:00Z'));
    expect((await hours()).now).toMatchObject({ open: false, nextOpening: '2026-12-04T06:00:00.000Z' });
    // Saturday 5 December, 10:00 WIB: next is Monday 7 December, 08:00 WIB (01:00Z).
    t.setNow(new Date('2026-12-05T03:00:00Z'));
    expect((await hours()).now).toMatchObject({ open: false, nextOpening: '2026-12-07T01:00:00.000Z' });
    t.setNow(new Date('2026-12-07T02:00:00Z'));
    expect((await hours()).now).toEqual({ open: true, reason: null, nextOpening: null });
  });

  it('refuses closing every day without naming the working week, which every deadline counts over', async () => {
    // Found by the fuzz test: `{days: []}` stored an empty working week, and from then on every
    // application read and complaint action of the mall answered 500.
    const admin = await t.login('admin');
    const put = (payload: object) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/v1/malls/${t.slug}/opening-hours`,
        headers: bearer(admin),
        payload,
      });
    const refused = await put({ days: [] });
    expect([refused.statusCode, refused.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await hours()).workingWeekdays).toEqual([1, 2, 3, 4, 5]);
    expect((await put({ days: [], workingWeekdays: [1, 2, 3, 4, 5] })).statusCode).toBe(200);
    const complaint = await t.app.inject({
      method: 'POST',
      url: `/api/v1/malls/${t.slug}/complaints`,
      payload: { type: 'complaint', title: 'Tutup', body: 'Mal tutup sepanjang minggu.' },
    });
    expect(complaint.statusCode, complaint.body).toBe(201);
  });
});
