import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestMall, dialects, type TestMall } from '../../../../test/harness.js';
import { sseMessages } from '../../../../test/sse-text.js';
import { DisplayEvent } from '../../../shared/contracts/events.js';
import { DisplayScope } from '../displays/displays.stream.js';

describe.each(dialects())('queue under concurrency on %s', (dialect) => {
  let t: TestMall;
  let officer: string;
  let serviceId: number;
  let counterIds: number[];
  beforeAll(async () => {
    t = await createTestMall(dialect);
    const admin = await t.login('admin');
    const counters = (await t.app.inject({ method: 'GET', url: `/api/v1/malls/${t.slug}/counters` })).json()
      .items;
    const first = counters[0];
    serviceId = first.serviceIds[0];
    counterIds = counters
      .filter((c: { serviceIds: number[] }) => c.serviceIds.includes(serviceId))
      .map((c: { id: number }) => c.id);
    for (let n = 0; counterIds.length < 10; n++) {
      const r = await t.app.inject({
        method: 'POST',
        url: `/api/v1/malls/${t.slug}/counters`,
        headers: bearer(admin),
        payload: {
          agencyId: first.agencyId,
          number: 100 + n,
          name: `Loket ${100 + n}`,
          serviceIds: [serviceId],
        },
      });
      counterIds.push(r.json().id);
    }
    const u = await t.app.inject({
      method: 'POST',
      url: `/api/v1/malls/${t.slug}/users`,
      headers: bearer(admin),
      payload: { username: t.user('racer'), password: 'Str0ng-pass-123', role: 'officer', counterIds },
    });
    expect(u.statusCode).toBe(201);
    officer = await t.login('racer', 'Str0ng-pass-123');
  });
  afterAll(() => t.close());

  it('issues unique numbers and lets 10 racing counters call each of 300 tickets exactly once', async () => {
    const N = 300;
    const issued = await Promise.all(Array.from({ length: N }, () => t.issueKioskTicket(serviceId)));
    expect(issued.filter((r) => r.statusCode !== 201)).toHaveLength(0);
    expect(new Set(issued.map((r) => r.json().number)).size).toBe(N);
    const calledBy = new Map<number, number[]>();
    await Promise.all(
      counterIds.map(async (c) => {
        for (;;) {
          const r = await t.app.inject({
            method: 'POST',
            url: `/api/v1/malls/${t.slug}/counters/${c}/call-next`,
            headers: bearer(officer),
          });
          if (r.statusCode === 204) return;
          expect(r.statusCode).toBe(200);
          const id = r.json().id as number;
          calledBy.set(id, [...(calledBy.get(id) ?? []), c]);
          const f = await t.app.inject({
            method: 'POST',
            url: `/api/v1/malls/${t.slug}/tickets/${id}/finish`,
            headers: bearer(officer),
            payload: { outcome: 'done' },
          });
          expect(f.statusCode).toBe(200);
        }
      }),
    );
    const ours = issued.map((r) => r.json().id as number);
    expect(ours.filter((id) => calledBy.get(id)?.length !== 1)).toEqual([]);
    // Correctness, not speed: ~10 s on a quiet machine, over 30 s when the test suites of several
    // worktrees share two cores.
  }, 120_000);

  it('replays exactly the missed events to a subscriber resuming from a Last-Event-ID', async () => {
    const mall = await t.ctx.database.db
      .selectFrom('malls')
      .select('id')
      .where('slug', '=', t.slug)
      .executeTakeFirstOrThrow();
    const head = await t.ctx.database.db
      .selectFrom('event_heads')
      .select('seq')
      .where('mall_id', '=', mall.id)
      .executeTakeFirstOrThrow();
    const issued = await t.issueKioskTicket(serviceId);
    const called = await t.app.inject({
      method: 'POST',
      url: `/api/v1/malls/${t.slug}/counters/${counterIds[0]}/call-next`,
      headers: bearer(officer),
    });
    expect(called.json().number).toBe(issued.json().number);
    let text = '';
    const stop = await t.ctx.hub.subscribe(
      mall.id,
      'display:all',
      () => new DisplayScope(null),
      {
        write: (s) => {
          text += s;
        },
      },
      head.seq,
    );
    stop();
    const got = sseMessages(text).map((m) => DisplayEvent.parse(m.data));
    expect(got[0]?.seq).toBe(head.seq + 1);
    expect(got.map((e) => e.seq)).toEqual(got.map((_, i) => head.seq + 1 + i));
    const call = got.find((e) => e.type === 'ticket.called');
    expect(call?.payload).toMatchObject({
      number: issued.json().number,
      text: expect.stringMatching(/^Nomor antrean [A-Z]+ .+, silakan menuju loket .+\.$/),
    });
  });
});
