import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestMall, dialects, type TestMall } from '../../../../test/harness.js';
import { listen, openRaw, type RawStream } from '../../../../test/sse-http.js';
import { CounterStreamEvent, TicketStreamEvent } from '../../../shared/contracts/events.js';

/** The citizen's own ticket stream and the counter console's stream, over real HTTP. */
describe.each(dialects())('ticket and counter streams on %s', (dialect) => {
  let t: TestMall;
  let base: string;
  let officer: string;
  let ktp: number;
  let counterId: number;
  beforeAll(async () => {
    t = await createTestMall(dialect);
    base = await listen(t.app);
    officer = await t.login('petugas');
    const services = (await t.app.inject({ method: 'GET', url: url('/services?limit=500') })).json()
      .items as { id: number; name: string }[];
    ktp = services.find((s) => s.name === 'Penerbitan KTP-el baru')!.id;
    const counters = (await t.app.inject({ method: 'GET', url: url('/counters') })).json().items as {
      id: number;
      serviceIds: number[];
    }[];
    counterId = counters.find((c) => c.serviceIds.includes(ktp))!.id;
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
  const issue = async () => post('/tickets', { serviceId: ktp, source: 'kiosk' }, await t.kioskToken());
  const ticketEvents = (s: RawStream) => s.messages().map((m) => TicketStreamEvent.parse(m.data));
  const positions = (s: RawStream) =>
    ticketEvents(s).flatMap((e) => (e.type === 'ticket.position' ? [e.payload] : []));
  /** Waits until the stream has sent `n` messages of a type (the hub fans out after commit). */
  const count = (s: RawStream, type: string, n: number) =>
    s.until(() => s.messages().filter((m) => m.event === type).length >= n);

  it('answers an unknown tracking code with 404 TICKET_NOT_FOUND', async () => {
    const r = await t.app.inject({ method: 'GET', url: url('/tickets/NOSUCHCODE123/stream') });
    expect(r.statusCode).toBe(404);
    expect(r.json().error.code).toBe('TICKET_NOT_FOUND');
  });

  it('pushes the position on connect and on every change, then the call', async () => {
    const line = [await issue(), await issue(), await issue(), await issue(), await issue()];
    const mine = line[4];
    const s = await openRaw(`${base}${url(`/tickets/${mine.trackingCode.toLowerCase()}/stream`)}`);
    expect(s.status).toBe(200);
    await count(s, 'ticket.position', 1);
    const first = ticketEvents(s);
    expect(first.map((e) => e.type)).toEqual(['ticket.snapshot', 'ticket.position']);
    expect(first[0]!.payload).toMatchObject({ number: mine.number, trackingCode: mine.trackingCode });
    expect(positions(s)[0]).toEqual({
      status: 'waiting',
      position: 5,
      etaMinutes: expect.any(Number),
      turnIsNear: false,
    });

    const serveNext = async () => {
      const c = await post(`/counters/${counterId}/call-next`);
      await post(`/tickets/${c.id}/finish`, { outcome: 'done' });
    };
    const at = (position: number) => s.until(() => positions(s).at(-1)?.position === position);
    await serveNext();
    await at(4);
    expect(positions(s).at(-1)).toMatchObject({ status: 'waiting', position: 4, turnIsNear: false });
    await serveNext();
    await at(3);
    expect(positions(s).at(-1)).toMatchObject({ status: 'waiting', position: 3, turnIsNear: true });
    for (let i = 0; i < 2; i++) await serveNext();
    const me = await post(`/counters/${counterId}/call-next`);
    expect(me.number).toBe(mine.number);
    await count(s, 'ticket.called', 1);
    await s.until(() => positions(s).at(-1)?.status === 'called');
    await post(`/tickets/${me.id}/finish`, { outcome: 'done' });
    await s.until(() => positions(s).at(-1)?.status === 'done');
    s.close();

    const events = ticketEvents(s);
    const call = events.find((e) => e.type === 'ticket.called');
    expect(call?.payload).toEqual({
      counterNumber: expect.any(Number),
      counterName: expect.any(String),
      announcement: expect.stringMatching(/^Nomor antrean /),
    });
    expect(positions(s).slice(-2)).toEqual([
      { status: 'called', position: null, etaMinutes: null, turnIsNear: true },
      { status: 'done', position: null, etaMinutes: null, turnIsNear: false },
    ]);
    // Only changes are pushed: no two position messages in a row say the same.
    const texts = positions(s).map((p) => JSON.stringify(p));
    expect(texts.filter((x, i) => i > 0 && x === texts[i - 1])).toEqual([]);
    // Never another citizen's tracking code.
    for (const other of line.slice(0, 4)) expect(s.text()).not.toContain(other.trackingCode);
  });

  it('refuses the counter stream to anonymous callers and other agencies’ officers', async () => {
    const anon = await t.app.inject({ method: 'GET', url: url(`/counters/${counterId}/stream`) });
    expect(anon.statusCode).toBe(401);
    const polres = await t.login('petugas-polres');
    const other = await t.app.inject({
      method: 'GET',
      url: url(`/counters/${counterId}/stream`),
      headers: bearer(polres),
    });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('FORBIDDEN');
  });

  it('sends the counter console its line and its own ticket on connect and on change', async () => {
    const s = await openRaw(`${base}${url(`/counters/${counterId}/stream`)}`, bearer(officer));
    expect(s.status).toBe(200);
    const queues = () =>
      s.messages().flatMap((m) => {
        const e = CounterStreamEvent.parse(m.data);
        return e.type === 'counter.queue' ? [e.payload] : [];
      });
    await count(s, 'counter.queue', 1);
    const before = queues()[0]!;
    expect(before.counter.id).toBe(counterId);
    const issued = await issue();
    await count(s, 'counter.queue', 2);
    expect(queues()[1]!.waiting.map((w) => w.number)).toContain(issued.number);
    expect(queues()[1]!.waiting.length).toBe(before.waiting.length + 1);
    const called = await post(`/counters/${counterId}/call-next`);
    await s.until(() => queues().at(-1)?.current?.number === called.number);
    expect(queues().at(-1)?.current).toMatchObject({ number: called.number, status: 'called' });
    await post(`/tickets/${called.id}/finish`, { outcome: 'done' });
    await s.until(() => queues().at(-1)?.current === null);
    s.close();
    expect(queues().at(-1)?.current).toBeNull();
  });
});
