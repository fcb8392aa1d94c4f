import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestMall, dialects, type TestMall } from '../../../test/harness.js';
import { sseMessages } from '../../../test/sse-text.js';
import { DisplayEvent } from '../../shared/contracts/events.js';
import { DisplayScope } from '../modules/displays/displays.stream.js';
import { EventHub, localBridge } from './hub.js';
import { currentLiveSeq, oldestLiveSeq } from './live-events.repo.js';

/** Last-Event-ID resume: exact within the window, a reset beyond it or past pruning; pruning by age. */
describe.each(dialects())('live event resume window and pruning on %s', (dialect) => {
  let t: TestMall;
  let hub: EventHub;
  let mallId: number;
  let serviceId: number;
  const start = new Date('2026-11-20T03:00:00Z'); // Friday 10:00 WIB
  beforeAll(async () => {
    t = await createTestMall(dialect, { start });
    // A hub of its own with a small window, over the same database and clock.
    hub = new EventHub(t.ctx.database.db, localBridge, pino({ level: 'silent' }), {
      now: t.ctx.now,
      resumeWindow: 5,
      retentionHours: 48,
      tickMs: 0,
    });
    await hub.start();
    mallId = (
      await t.ctx.database.db
        .selectFrom('malls')
        .select('id')
        .where('slug', '=', t.slug)
        .executeTakeFirstOrThrow()
    ).id;
    const counters = (await t.app.inject({ method: 'GET', url: `/api/v1/malls/${t.slug}/counters` })).json()
      .items as { serviceIds: number[] }[];
    serviceId = counters[0]!.serviceIds[0]!;
  });
  afterAll(async () => {
    await hub.stop();
    await t.close();
  });

  const issue = async () => {
    const r = await t.issueKioskTicket(serviceId);
    expect(r.statusCode).toBe(201);
  };
  /** What a board resuming after `afterSeq` is sent on joining. */
  const join = async (afterSeq: number | null) => {
    let text = '';
    const stop = await hub.subscribe(
      mallId,
      'display:all',
      () => new DisplayScope(null),
      {
        write: (s) => {
          text += s;
        },
      },
      afterSeq,
    );
    stop();
    return sseMessages(text).map((m) => ({ id: Number(m.id), ...DisplayEvent.parse(m.data) }));
  };

  it('replays exactly what was missed within the window', async () => {
    const from = await currentLiveSeq(t.ctx.database.db, mallId);
    await issue();
    await issue();
    await issue();
    const got = await join(from);
    expect(got.map((e) => e.seq)).toEqual([from + 1, from + 2, from + 3]);
    expect(got.every((e) => e.type === 'waiting.changed')).toBe(true);
    expect(got.map((e) => e.id)).toEqual(got.map((e) => e.seq));
    // Up to date: nothing to replay; a fresh connection gets nothing old either.
    expect(await join(from + 3)).toEqual([]);
    expect(await join(null)).toEqual([]);
  });

  it('sends a reset when the resume point is beyond the window or unknown', async () => {
    const from = await currentLiveSeq(t.ctx.database.db, mallId);
    for (let i = 0; i < 6; i++) await issue();
    const head = from + 6;
    expect(await join(from)).toEqual([
      { id: head, seq: head, type: 'reset', at: expect.any(String), payload: { lastEventId: head } },
    ]);
    expect((await join(head + 100)).map((e) => e.type)).toEqual(['reset']);
    // Just inside the window: exact again.
    expect((await join(head - 5)).map((e) => e.seq)).toEqual([head - 4, head - 3, head - 2, head - 1, head]);
  });

  // Pruned per mall here: the PostgreSQL test database is shared with other test files running now.
  it('prunes events older than the retention; a resume from before them gets a reset', async () => {
    const before = await currentLiveSeq(t.ctx.database.db, mallId);
    expect(await hub.prune(mallId)).toBe(0);
    t.setNow(new Date(start.getTime() + 47 * 3_600_000));
    expect(await hub.prune(mallId)).toBe(0);
    t.setNow(new Date(start.getTime() + 49 * 3_600_000));
    expect(await hub.prune(mallId)).toBeGreaterThan(0);
    expect(await oldestLiveSeq(t.ctx.database.db, mallId)).toBeNull();
    // The sequence goes on where it was; a board two days behind re-snapshots.
    expect((await join(before - 1)).map((e) => e.type)).toEqual(['reset']);
    const state = await t.app.inject({ method: 'GET', url: `/api/v1/malls/${t.slug}/displays/all/state` });
    expect(state.statusCode).toBe(200);
    expect(state.json().lastEventId).toBeGreaterThanOrEqual(before);
  });
});
