import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestMall, dialects, type TestMall } from '../../../../test/harness.js';
import { type LocalGateway, startLocalGateway } from '../../../../test/local-gateway.js';
import { createThrowawayDb, pgServerFromTestEnv, type ThrowawayDb } from '../../../../test/process/pg-db.js';

interface Ticket {
  id: number;
  number: string;
  trackingCode: string;
}

/**
 * Through the real outbox worker (the clock moved with real time, so its back-off runs) to a local WhatsApp gateway that
 * fails the first two requests: a citizen four places back gets exactly one "near" and one "called".
 */
describe.each(dialects())('notifications reach a WhatsApp gateway on %s', (dialect) => {
  let t: TestMall;
  let gw: LocalGateway;
  let officer: string;
  let ktp: number;
  let skck: number;
  let counterId: number;
  let own: ThrowawayDb | undefined;
  beforeAll(async () => {
    // A database of this file's own on PostgreSQL: this node's worker, which has a gateway, would
    // otherwise also deliver the WhatsApp messages other files queue in the run's shared database.
    if (dialect === 'postgres')
      own = await createThrowawayDb(pgServerFromTestEnv() as string, 'notify_gw', { migrated: true });
    gw = await startLocalGateway();
    gw.script([500, 503]);
    t = await createTestMall(dialect, {
      alwaysOpen: true,
      databaseUrl: own?.url,
      env: { WHATSAPP_GATEWAY_URL: gw.url, WHATSAPP_GATEWAY_TOKEN: 'rahasia', OUTBOX_POLL_MS: '100' },
    });
    officer = await t.login('petugas');
    const services = (await t.app.inject({ method: 'GET', url: url('/services?limit=500') })).json().items;
    ktp = services.find((s: { name: string }) => s.name === 'Penerbitan KTP-el baru').id;
    skck = services.find((s: { name: string }) => s.name === 'Penerbitan SKCK baru').id;
    const counters = (await t.app.inject({ method: 'GET', url: url('/counters') })).json().items;
    counterId = counters.find((c: { serviceIds: number[] }) => c.serviceIds.includes(ktp)).id;
  });
  afterAll(async () => {
    await t?.close();
    await gw?.close();
    await own?.drop();
  });

  const url = (p: string) => `/api/v1/malls/${t.slug}${p}`;
  const post = async (p: string, payload?: object) => {
    const r = await t.app.inject({ method: 'POST', url: url(p), payload, headers: bearer(officer) });
    expect(r.statusCode, `${p} ${r.body}`).toBe(200);
    return r.json();
  };
  const issue = async (serviceId = ktp): Promise<Ticket> => (await t.issueKioskTicket(serviceId)).json();
  const statuses = async (ticketId: number) =>
    (
      await t.ctx.database.db
        .selectFrom('outbox_messages')
        .select(['event', 'status'])
        .where('subject_type', '=', 'ticket')
        .where('subject_id', '=', ticketId)
        .orderBy('id')
        .execute()
    ).map((m) => `${m.event}:${m.status}`);
  const until = async (what: () => Promise<boolean>, timeoutMs = 20_000) => {
    const deadline = Date.now() + timeoutMs;
    // The harness's clock stands still unless moved: move it with real time, so back-off ends.
    for (;;) {
      t.setNow(new Date());
      if (await what()) return;
      if (Date.now() > deadline) throw new Error('condition not reached in time');
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  it('sends one near and one called message, through retries, recalls, transfers and other calls', async () => {
    const tickets = [await issue(), await issue(), await issue(), await issue()];
    const mine = await issue();
    const sub = await t.app.inject({
      method: 'POST',
      url: url(`/tickets/${mine.trackingCode}/notify`),
      payload: { channel: 'whatsapp', address: '0812-3456-7890', whenAhead: 2 },
    });
    expect(sub.statusCode, sub.body).toBe(201);
    for (const [i, tk] of tickets.entries()) {
      expect((await post(`/counters/${counterId}/call-next`)).id).toBe(tk.id);
      await post(`/tickets/${tk.id}/recall`);
      if (i === 0) await post(`/tickets/${tk.id}/transfer`, { serviceId: skck });
      else await post(`/tickets/${tk.id}/finish`, { outcome: 'done' });
      await issue(skck);
    }
    expect((await post(`/counters/${counterId}/call-next`)).id).toBe(mine.id);
    await post(`/tickets/${mine.id}/recall`);
    await post(`/tickets/${mine.id}/finish`, { outcome: 'done' });
    await until(async () => (await statuses(mine.id)).every((s) => s.endsWith(':sent'))).catch(async (e) => {
      const rows = await t.ctx.database.db.selectFrom('outbox_messages').selectAll().execute();
      throw new Error(
        `${e} ${JSON.stringify(rows)} gateway: ${JSON.stringify(gw.requests.map((r) => r.status))}`,
      );
    });
    expect(await statuses(mine.id)).toEqual(['ticket.near:sent', 'ticket.called:sent']);

    const delivered = gw.requests.filter((r) => r.status === 200);
    expect(gw.requests.filter((r) => r.status >= 500).length).toBe(2);
    expect(delivered.length).toBe(2);
    const texts = delivered.map((r) => (r.json as { to: string; text: string }).text);
    expect(delivered.map((r) => (r.json as { to: string }).to)).toEqual(['+6281234567890', '+6281234567890']);
    expect(delivered.map((r) => r.headers['idempotency-key']).sort()).toEqual([
      `ticket:${mine.id}:called:whatsapp`,
      `ticket:${mine.id}:near:whatsapp`,
    ]);
    expect(delivered.every((r) => r.headers.authorization === 'Bearer rahasia')).toBe(true);
    const near = texts.find((x) => x.includes('tinggal'))!;
    const called = texts.find((x) => x.includes('silakan menuju'))!;
    expect(near).toContain(mine.number);
    expect(near).toContain(`/ticket/${mine.trackingCode}`);
    expect(called).toContain(mine.number);
    expect(called).toMatch(/Loket \d+/);
  });
});
