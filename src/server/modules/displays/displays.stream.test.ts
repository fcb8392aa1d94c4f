import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestMall, dialects, type TestMall } from '../../../../test/harness.js';
import { hasId, listen, openRaw } from '../../../../test/sse-http.js';
import { DisplayEvent } from '../../../shared/contracts/events.js';
import { currentLiveSeq } from '../../events/live-events.repo.js';

/**
 * The public display stream, asserted over the raw bytes a board receives: after issuing, calling,
 * recalling, transferring, finishing (with a note), cancelling and no-shows of priority and regular
 * tickets, no tracking code, no ticket id field, no priority reason and no free text ever appears.
 */
describe.each(dialects())('display stream on %s', (dialect) => {
  let t: TestMall;
  let base: string;
  let officer: string;
  let mallId: number;
  let ktp: number;
  let other: number;
  let counterId: number;
  beforeAll(async () => {
    t = await createTestMall(dialect);
    base = await listen(t.app);
    officer = await t.login('petugas');
    mallId = (
      await t.ctx.database.db
        .selectFrom('malls')
        .select('id')
        .where('slug', '=', t.slug)
        .executeTakeFirstOrThrow()
    ).id;
    const counters = (await t.app.inject({ method: 'GET', url: url('/counters') })).json().items as {
      id: number;
      serviceIds: number[];
    }[];
    const services = (await t.app.inject({ method: 'GET', url: url('/services?limit=500') })).json()
      .items as { id: number; name: string }[];
    ktp = services.find((s) => s.name === 'Penerbitan KTP-el baru')!.id;
    const c = counters.find((x) => x.serviceIds.includes(ktp) && x.serviceIds.length > 1)!;
    counterId = c.id;
    other = c.serviceIds.find((s) => s !== ktp)!;
  });
  afterAll(() => t.close());

  function url(p: string) {
    return `/api/v1/malls/${t.slug}${p}`;
  }
  const post = async (p: string, payload?: object, token: string | undefined = officer) => {
    const r = await t.app.inject({
      method: 'POST',
      url: url(p),
      payload,
      headers: token ? bearer(token) : {},
    });
    expect(r.statusCode, `${p}: ${r.body}`).toBeLessThan(300);
    return r.json();
  };

  it('never carries a tracking code, a ticket id or personal data', async () => {
    const stream = await openRaw(`${base}${url('/displays/all/stream')}`);
    expect(stream.status).toBe(200);
    const issued = [
      await post('/tickets', { serviceId: ktp, source: 'kiosk', priority: 'elderly' }, await t.kioskToken()),
      await post('/tickets', { serviceId: ktp, source: 'kiosk', priority: 'disabled' }, await t.kioskToken()),
      await post('/tickets', { serviceId: ktp, source: 'kiosk' }, await t.kioskToken()),
      await post('/tickets', { serviceId: ktp, source: 'kiosk', priority: 'pregnant' }, await t.kioskToken()),
      await post('/tickets', { serviceId: ktp, source: 'kiosk' }, await t.kioskToken()),
    ];
    const a = await post(`/counters/${counterId}/call-next`);
    await post(`/tickets/${a.id}/recall`);
    await post(`/tickets/${a.id}/start`);
    await post(`/tickets/${a.id}/finish`, { outcome: 'done', note: 'NIK 3201234567890001, HP 081234567890' });
    const b = await post(`/counters/${counterId}/call-next`);
    await post(`/tickets/${b.id}/transfer`, { serviceId: other, reason: 'Ibu Siti Aminah 081298765432' });
    const c = await post(`/counters/${counterId}/call-next`);
    await post(`/tickets/${c.id}/no-show`);
    const d = await post(`/counters/${counterId}/call-next`);
    await post(`/tickets/${d.id}/cancel`);
    await post(`/counters/${counterId}/status`, { status: 'break' });
    const head = await currentLiveSeq(t.ctx.database.db, mallId);
    await stream.until(hasId(head));
    stream.close();

    const raw = stream.text();
    const messages = stream.messages();
    expect(messages.at(-1)?.id).toBe(String(head));
    expect(new Set(messages.map((m) => m.event))).toEqual(
      new Set(['ticket.called', 'ticket.recalled', 'counter.changed', 'waiting.changed']),
    );
    for (const tk of issued) {
      expect(raw).not.toContain(tk.trackingCode);
      expect(raw).not.toContain(tk.trackingCode.toLowerCase());
    }
    for (const word of [
      'trackingCode',
      'tracking',
      'ticketId',
      'priority',
      'elderly',
      'disabled',
      'pregnant',
    ])
      expect(raw).not.toContain(word);
    for (const secret of ['3201234567890001', '081234567890', '081298765432', 'Siti', 'NIK'])
      expect(raw).not.toContain(secret);
    // Every message is exactly the contract: parsing (which drops unknown keys) changes nothing.
    for (const m of messages) {
      expect(DisplayEvent.parse(m.data)).toEqual(m.data);
      expect((m.data as { type: string }).type).toBe(m.event);
      expect(Number(m.id)).toBe((m.data as { seq: number }).seq);
    }
    // Enough to redraw the board without asking: the call and the freed counter tile.
    const call = messages.find((m) => m.event === 'ticket.called')!.data as { payload: object };
    expect(call.payload).toEqual({
      number: a.number,
      serviceName: 'Penerbitan KTP-el baru',
      counterId,
      counterNumber: expect.any(Number),
      counterName: expect.any(String),
      text: expect.stringMatching(/^Nomor antrean /),
      spokenText: expect.any(String),
      announcement: expect.stringMatching(/^Nomor antrean /),
      at: expect.any(String),
    });
    const tiles = messages
      .filter((m) => m.event === 'counter.changed')
      .map((m) => m.data as { payload: object });
    expect(tiles.at(-1)?.payload).toMatchObject({ counterId, status: 'break', current: null });
    const waits = messages
      .filter((m) => m.event === 'waiting.changed')
      .map((m) => m.data as { payload: object });
    expect(waits.at(0)?.payload).toEqual({
      serviceId: ktp,
      serviceName: 'Penerbitan KTP-el baru',
      queuePrefix: expect.any(String),
      waiting: 1,
    });
  });

  it('answers an unknown zone with 404 before streaming', async () => {
    const r = await openRaw(`${base}${url('/displays/nowhere/stream')}`);
    expect(r.status).toBe(404);
    r.close();
  });
});
