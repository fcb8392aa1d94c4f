import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestMall, dialects, type TestMall } from '../../../../test/harness.js';
import { resolvePublicUrl } from '../../public-url.js';
import { decodeEscPos } from './escpos.decode.js';
import { sendToPrinter } from './printer.js';
import { SCAN_HINT } from './slip.escpos.js';

// 2026-11-23 is a Monday; 03:00 UTC is 10:00 WIB (the demo mall is open).
const MONDAY_10 = new Date('2026-11-23T03:00:00Z');

/** A network printer stand-in: accepts TCP connections and keeps what each one sent. */
async function fakePrinter() {
  const jobs: Buffer[] = [];
  let received: (() => void) | null = null;
  const server = net.createServer((socket) => {
    const chunks: Buffer[] = [];
    socket.on('data', (d) => chunks.push(d));
    socket.on('end', () => {
      jobs.push(Buffer.concat(chunks));
      socket.end();
      received?.();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  return {
    address: `127.0.0.1:${port}`,
    jobs,
    /** Resolves once `n` jobs have arrived. */
    until: (n: number) =>
      new Promise<void>((r) => {
        if (jobs.length >= n) return r();
        received = () => jobs.length >= n && r();
      }),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** A port nobody listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe.each(dialects())('kiosk thermal printing on %s', (dialect) => {
  let t: TestMall;
  let ktp: number;
  let printer: Awaited<ReturnType<typeof fakePrinter>>;
  beforeAll(async () => {
    t = await createTestMall(dialect, { start: MONDAY_10 });
    printer = await fakePrinter();
    const services = (
      await t.app.inject({ method: 'GET', url: `/api/v1/malls/${t.slug}/services?limit=500` })
    ).json().items as { id: number; name: string }[];
    ktp = services.find((s) => s.name === 'Penerbitan KTP-el baru')!.id;
  });
  afterAll(async () => {
    await printer.close();
    await t.close();
  });

  const issue = (token: string, extra: object = {}) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/malls/${t.slug}/tickets`,
      headers: bearer(token),
      payload: { serviceId: ktp, source: 'kiosk', ...extra },
    });
  const ticketCount = async () =>
    Number(
      (
        await t.ctx.database.db
          .selectFrom('tickets')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('sends the slip as ESC/POS after the ticket commits: mall, number, service, time, QR, cut', async () => {
    const { token } = await t.pairDevice('kiosk', { name: 'Kios cetak', printer: printer.address });
    const res = await issue(token, { priority: 'elderly' });
    expect(res.statusCode).toBe(201);
    const ticket = res.json();
    expect(ticket.print).toEqual({ status: 'printed' });
    await printer.until(1);
    const slip = decodeEscPos(printer.jobs[0]!);
    expect(slip.commands[0]).toBe('init');
    expect(slip.commands.at(-1)).toBe('cut');
    expect(slip.lines).toContain(ticket.number);
    // The mall's name (long ones wrap over two lines of the 42 columns).
    expect(slip.lines.join(' ').replace(/\s+/g, ' ')).toContain(`Mal Pelayanan Publik ${t.slug}`);
    expect(slip.lines).toContain('Penerbitan KTP-el baru');
    expect(slip.lines).toContain('Prioritas: Lansia');
    expect(slip.lines).toContain('23-11-2026 10.00 WIB');
    // The QR carries the public address (PUBLIC_URL or the LAN address), never the kiosk's own.
    expect(slip.qr).toEqual([`${resolvePublicUrl(t.ctx.config)}/${t.slug}/ticket/${ticket.trackingCode}`]);
    expect(slip.commands).toContain('qr print');
    expect(slip.lines.join(' ').replace(/\s+/g, ' ')).toContain(SCAN_HINT);
  });

  it('reports a failing printer on the kiosk and in the device list, and never issues twice', async () => {
    const { token, id } = await t.pairDevice('kiosk', {
      name: 'Kios printer mati',
      printer: `127.0.0.1:${await closedPort()}`,
    });
    const before = await ticketCount();
    const res = await issue(token);
    expect(res.statusCode).toBe(201);
    expect(res.json().print).toMatchObject({
      status: 'failed',
      message: expect.stringMatching(/ECONNREFUSED/),
    });
    expect(await ticketCount()).toBe(before + 1);
    const admin = await t.login('admin');
    const listed = (
      await t.app.inject({ method: 'GET', url: `/api/v1/malls/${t.slug}/devices`, headers: bearer(admin) })
    )
      .json()
      .items.find((d: { id: number }) => d.id === id);
    expect(listed).toMatchObject({
      lastPrintError: expect.stringMatching(/ECONNREFUSED/),
      lastPrintAt: expect.any(String),
    });
    // A kiosk without a printer prints through its browser: no `print` in the answer.
    const plain = await t.issueKioskTicket(ktp);
    expect(plain.statusCode).toBe(201);
    expect(plain.json().print).toBeUndefined();
  });
});

describe('sendToPrinter', () => {
  it('gives up on a printer that accepts but never takes the data within the timeout', async () => {
    // A server that never reads: with a tiny timeout and a large job the write cannot finish.
    const server = net.createServer(() => {});
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as net.AddressInfo).port;
    try {
      await expect(sendToPrinter(`127.0.0.1:${port}`, new Uint8Array(64 * 1024 * 1024), 200)).rejects.toThrow(
        /did not answer within 200 ms/,
      );
    } finally {
      server.close();
    }
  });
});
