import { call, issueTicket, login, type TicketDto } from '../process/api.js';
import { setupRaceCounters } from '../process/race.js';
import { DEMO_PASSWORD, sleep } from '../process/server-process.js';

/**
 * A mall's mixed load through the real API, for the fault tests: kiosks issuing tickets (a third of
 * them asking for a WhatsApp message when near and when called), counters calling, starting and
 * finishing, citizens booking online, officers filing applications and taking their fee. Every answer
 * the server acknowledged (2xx) is remembered, so a test can check it survived a fault.
 */

export interface LoadSetup {
  serviceId: number;
  counterIds: number[];
  officerToken: string;
  bookingServiceId: number;
  sessionId: number;
  skckId: number;
  requirements: string[];
  intakeToken: string;
}

/** The server environment the load needs (anonymous writes and bookings are rate-limited). */
export const LOAD_ENV = {
  RATE_LIMIT_ANONYMOUS_WRITES: '1000000',
  RATE_LIMIT_BOOKINGS: '1000000',
};

export const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());

/** A valid NIK per i (< 10,000 × 9): regency 3204, district by i, born 15/55 May 1990, serial i. */
export const nikOf = (i: number) =>
  `3204${String((i % 9) + 1).padStart(2, '0')}${i % 2 ? 15 : 55}0590${String((i % 9999) + 1).padStart(4, '0')}`;

/** Counters of one service and their officer, a bookable all-day session, the SKCK desk. */
export async function prepareLoad(base: string, counters = 4): Promise<LoadSetup> {
  const race = await setupRaceCounters(base, counters);
  const admin = await login(base, 'admin', DEMO_PASSWORD);
  const services = await call<{ items: { id: number; name: string; servedAtMall: boolean }[] }>(
    base,
    'GET',
    '/api/v1/malls/demo/services?limit=500',
  );
  const bookingServiceId = services.body.items.find((s) => s.servedAtMall && s.id !== race.serviceId)!.id;
  const patched = await call<{ booking: { sessions: { id: number }[] } }>(
    base,
    'PATCH',
    `/api/v1/malls/demo/services/${bookingServiceId}`,
    {
      token: admin,
      body: { booking: { sessions: [{ start: '00:00', end: '24:00', capacity: 5000 }], daysAhead: 14 } },
    },
  );
  if (patched.status !== 200) throw new Error(`booking sessions: ${patched.status}`);
  const skckId = services.body.items.find((s) => s.name === 'Penerbitan SKCK baru')!.id;
  const skck = await call<{ standard: { requirements: string[] } }>(
    base,
    'GET',
    `/api/v1/malls/demo/services/${skckId}`,
  );
  return {
    ...race,
    bookingServiceId,
    sessionId: patched.body.booking.sessions[0]!.id,
    skckId,
    requirements: skck.body.standard.requirements,
    intakeToken: await login(base, 'petugas-polres', DEMO_PASSWORD),
  };
}

export interface Acked {
  tickets: Map<number, TicketDto>;
  /** Tickets whose WhatsApp request was acknowledged, with the order of the acknowledgement. */
  subscribed: Map<number, number>;
  /**
   * Acknowledged call-next answers, in order. `askedAfter`: how many acknowledgements had arrived when
   * the call-next request was sent, comparable with `subscribed` (a request acknowledged before the
   * call was asked for committed before it; answers of concurrent requests may come in any order).
   */
  calls: { ticketId: number; counterId: number; phase: number; askedAfter: number }[];
  started: Set<number>;
  finished: Set<number>;
  bookings: { code: string; id: number }[];
  applications: { id: number; trackingCode: string }[];
  payments: { applicationId: number; id: number; receiptNumber: string }[];
}

export type Kind = 'ticket' | 'notify' | 'call' | 'start' | 'finish' | 'booking' | 'application' | 'payment';

export interface LoadOptions {
  issuers?: number;
  bookers?: number;
  intakers?: number;
  /** Answers that are expected now and then (e.g. 503 DATABASE_UNAVAILABLE while PostgreSQL restarts). */
  tolerate?: (status: number, code: string | undefined) => boolean;
  /** Pause of each kiosk between tickets, ms. */
  issuePauseMs?: number;
}

interface Answer {
  status: number;
  body: unknown;
}

export class MixedLoad {
  readonly acked: Acked = {
    tickets: new Map(),
    subscribed: new Map(),
    calls: [],
    started: new Set(),
    finished: new Set(),
    bookings: [],
    applications: [],
    payments: [],
  };
  /** Unexpected answers and connection errors while the server was meant to be up. */
  readonly errors: string[] = [];
  /** Requests cut off by the server going away (only after `expectDown()`). */
  cutOff = 0;
  /** Tolerated refusals by code (e.g. DATABASE_UNAVAILABLE), and the first answer of each. */
  readonly refused = new Map<string, number>();
  readonly refusedExample = new Map<
    string,
    { status: number; body: { error: { code: string; message: string } } }
  >();
  /** Time (performance.now()) of every acknowledgement, by kind: how soon service came back. */
  readonly ackTimes: { kind: Kind; at: number }[] = [];
  phase = 0;
  private order = 0;
  private running: Promise<void>[] = [];
  private stopping = false;
  private down = false;
  private bookingNo = 0;
  private base = '';

  constructor(
    private readonly setup: LoadSetup,
    private readonly opts: LoadOptions = {},
  ) {}

  /** Starts the workers against `base` (again after a restart: a new phase). */
  start(base: string): void {
    this.base = base;
    this.stopping = false;
    this.down = false;
    const n = (k: number | undefined, d: number) => Array.from({ length: k ?? d });
    this.running = [
      ...n(this.opts.issuers, 4).map(() => this.issuer()),
      ...this.setup.counterIds.map((id) => this.counter(id)),
      ...n(this.opts.bookers, 1).map(() => this.booker()),
      ...n(this.opts.intakers, 1).map(() => this.intaker()),
    ];
  }

  /** From now on a refused connection means the server was killed: the workers end quietly. */
  expectDown(): void {
    this.down = true;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.running);
    this.running = [];
  }

  count(kind: Kind): number {
    return this.ackTimes.filter((a) => a.kind === kind).length;
  }

  counts(): Record<Kind, number> {
    const kinds: Kind[] = [
      'ticket',
      'notify',
      'call',
      'start',
      'finish',
      'booking',
      'application',
      'payment',
    ];
    return Object.fromEntries(kinds.map((k) => [k, this.count(k)])) as Record<Kind, number>;
  }

  /** Waits until every kind named has at least that many acknowledgements. */
  async until(min: Partial<Record<Kind, number>>, timeoutMs = 60_000): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    const short = () => Object.entries(min).filter(([k, n]) => this.count(k as Kind) < (n ?? 0));
    while (short().length) {
      if (performance.now() > deadline)
        throw new Error(
          `load: ${JSON.stringify(this.counts())} after ${timeoutMs} ms; errors: ${this.errors.slice(0, 5).join(' | ')}`,
        );
      if (this.errors.length > 20) throw new Error(`load errors: ${this.errors.slice(0, 5).join(' | ')}`);
      await sleep(20);
    }
  }

  private ack(kind: Kind): number {
    this.ackTimes.push({ kind, at: performance.now() });
    return this.order++;
  }

  /**
   * One request: 'ok' (the expected status), 'tolerated' (refused as allowed, e.g. 503 during a
   * database restart: retried by the caller), 'gone' (the server went away; the worker ends) or 'bad'.
   */
  private async send(
    label: string,
    expect: number[],
    req: () => Promise<Answer>,
  ): Promise<{ outcome: 'ok' | 'tolerated' | 'gone' | 'bad'; res?: Answer }> {
    let res: Answer;
    try {
      res = await req();
    } catch (err) {
      if (this.down) {
        this.cutOff++;
        return { outcome: 'gone' };
      }
      this.errors.push(`${label}: ${String(err)}`);
      await sleep(100);
      return { outcome: 'bad' };
    }
    if (expect.includes(res.status)) return { outcome: 'ok', res };
    const code = (res.body as { error?: { code?: string } } | null)?.error?.code;
    if (this.opts.tolerate?.(res.status, code)) {
      const key = code ?? String(res.status);
      this.refused.set(key, (this.refused.get(key) ?? 0) + 1);
      if (!this.refusedExample.has(key)) this.refusedExample.set(key, res as never);
      await sleep(50);
      return { outcome: 'tolerated', res };
    }
    this.errors.push(`${label}: HTTP ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    return { outcome: 'bad', res };
  }

  private async issuer(): Promise<void> {
    let n = 0;
    while (!this.stopping) {
      const r = await this.send('issue', [201], () => issueTicket(this.base, this.setup.serviceId));
      if (r.outcome === 'gone') return;
      if (r.outcome === 'ok') {
        const t = r.res!.body as TicketDto;
        this.acked.tickets.set(t.id, t);
        this.ack('ticket');
        if (n++ % 3 === 0) {
          // A ticket may already be called when its request comes (409 TICKET_NOT_WAITING): fine.
          const s = await this.send('notify', [201, 409], () =>
            call(this.base, 'POST', `/api/v1/malls/demo/tickets/${t.trackingCode}/notify`, {
              body: { channel: 'whatsapp', address: '0812-3456-7890', whenAhead: 3 },
            }),
          );
          if (s.outcome === 'gone') return;
          const code = (s.res?.body as { error?: { code?: string } } | undefined)?.error?.code;
          if (s.outcome === 'ok' && s.res!.status === 409 && code !== 'TICKET_NOT_WAITING')
            this.errors.push(`notify: HTTP 409 ${code}`);
          else if (s.outcome === 'ok' && s.res!.status === 201)
            this.acked.subscribed.set(t.id, this.ack('notify'));
        }
      }
      await sleep(this.opts.issuePauseMs ?? 20);
    }
  }

  /**
   * A step that may be retried after a tolerated refusal. A retry that answers 409 after such a
   * refusal means the first try had committed (its answer was lost): done, but not acknowledged.
   */
  private async step(label: string, expect: number[], req: () => Promise<Answer>) {
    let refusedBefore = false;
    while (!this.stopping) {
      const r = await this.send(label, refusedBefore ? [...expect, 409] : expect, req);
      if (r.outcome === 'tolerated') {
        refusedBefore = true;
        continue;
      }
      if (r.outcome === 'ok' && r.res!.status === 409) return { outcome: 'unknown' as const };
      return r;
    }
    return { outcome: 'stopped' as const };
  }

  private async counter(counterId: number): Promise<void> {
    const token = this.setup.officerToken;
    const mall = '/api/v1/malls/demo';
    while (!this.stopping) {
      const askedAfter = this.order;
      const c = await this.send('call-next', [200, 204], () =>
        call(this.base, 'POST', `${mall}/counters/${counterId}/call-next`, { token }),
      );
      if (c.outcome === 'gone') return;
      if (c.outcome !== 'ok' || c.res!.status === 204) {
        await sleep(50);
        continue;
      }
      const ticketId = (c.res!.body as TicketDto).id;
      this.acked.calls.push({ ticketId, counterId, phase: this.phase, askedAfter });
      this.ack('call');
      const s = await this.step('start', [200], () =>
        call(this.base, 'POST', `${mall}/tickets/${ticketId}/start`, { token }),
      );
      if (s.outcome === 'gone') return;
      if (s.outcome === 'ok') {
        this.acked.started.add(ticketId);
        this.ack('start');
      }
      if (s.outcome !== 'ok' && s.outcome !== 'unknown') continue;
      const f = await this.step('finish', [200], () =>
        call(this.base, 'POST', `${mall}/tickets/${ticketId}/finish`, { token, body: { outcome: 'done' } }),
      );
      if (f.outcome === 'gone') return;
      if (f.outcome === 'ok') {
        this.acked.finished.add(ticketId);
        this.ack('finish');
      }
    }
  }

  private async booker(): Promise<void> {
    while (!this.stopping) {
      const i = this.bookingNo++;
      const r = await this.send('booking', [201], () =>
        call(this.base, 'POST', '/api/v1/malls/demo/bookings', {
          body: {
            serviceId: this.setup.bookingServiceId,
            date: today(),
            sessionId: this.setup.sessionId,
            nik: nikOf(i),
            name: 'Warga Uji',
            phone: `0813${String(10_000_000 + i)}`,
          },
        }),
      );
      if (r.outcome === 'gone') return;
      if (r.outcome === 'ok') {
        const b = r.res!.body as { code: string; id: number };
        this.acked.bookings.push({ code: b.code, id: b.id });
        this.ack('booking');
      }
      await sleep(20);
    }
  }

  private async intaker(): Promise<void> {
    const token = this.setup.intakeToken;
    const mall = '/api/v1/malls/demo';
    while (!this.stopping) {
      const a = await this.send('application', [201], () =>
        call(this.base, 'POST', `${mall}/applications`, {
          token,
          body: {
            serviceId: this.setup.skckId,
            applicant: { name: 'Budi Uji', nik: '3204010101900001', phone: '081234567890' },
            checklist: this.setup.requirements.map((requirement) => ({ requirement, present: true })),
          },
        }),
      );
      if (a.outcome === 'gone') return;
      if (a.outcome !== 'ok') continue;
      const app = a.res!.body as { id: number; trackingCode: string };
      this.acked.applications.push(app);
      this.ack('application');
      const p = await this.step('payment', [201], () =>
        call(this.base, 'POST', `${mall}/applications/${app.id}/payments`, {
          token,
          body: { method: 'cash' },
        }),
      );
      if (p.outcome === 'gone') return;
      if (p.outcome === 'ok') {
        const paid = p.res!.body as { id: number; receiptNumber: string };
        this.acked.payments.push({ applicationId: app.id, id: paid.id, receiptNumber: paid.receiptNumber });
        this.ack('payment');
      }
      await sleep(20);
    }
  }
}
