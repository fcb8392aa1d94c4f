import { type CounterDto, call, callNext, issueTicket, listCounters, login, serveAndFinish } from './api.js';
import { DEMO_PASSWORD } from './server-process.js';

/** The counter race of issue #3: many counters call-next at once; nobody may be called twice. */

export interface RaceSetup {
  serviceId: number;
  counterIds: number[];
  officerToken: string;
}

/** Adds `n` counters (admin API) all serving one service, and one officer on all of them. */
export async function setupRaceCounters(base: string, n: number, firstNumber = 201): Promise<RaceSetup> {
  const admin = await login(base, 'admin', DEMO_PASSWORD);
  const model = (await listCounters(base, admin)).find((c: CounterDto) => c.serviceIds.length > 0);
  const serviceId = model?.serviceIds[0];
  if (!model || serviceId === undefined) throw new Error('demo mall has no counter with a service');
  const counterIds: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = await call<{ id: number }>(base, 'POST', '/api/v1/malls/demo/counters', {
      token: admin,
      body: {
        agencyId: model.agencyId,
        number: firstNumber + i,
        name: `Race ${i + 1}`,
        serviceIds: [serviceId],
      },
    });
    if (r.status !== 201) throw new Error(`create counter: ${r.status} ${JSON.stringify(r.body)}`);
    counterIds.push(r.body.id);
  }
  const username = `racer${firstNumber}`;
  const password = 'Str0ng-pass-123';
  const u = await call(base, 'POST', '/api/v1/malls/demo/users', {
    token: admin,
    body: { username, password, role: 'officer', counterIds },
  });
  if (u.status !== 201 && u.status !== 200)
    throw new Error(`create officer: ${u.status} ${JSON.stringify(u.body)}`);
  return { serviceId, counterIds, officerToken: await login(base, username, password) };
}

/** Runs `fn` over `items` with at most `limit` in flight; results keep the items' order. */
export async function pool<T, R>(items: readonly T[], limit: number, fn: (x: T, i: number) => Promise<R>) {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export interface RaceResult {
  issued: { id: number; number: string; trackingCode: string }[];
  /** ticket id → the counters that were handed it by call-next */
  calledBy: Map<number, number[]>;
  errors: string[];
  ms: number;
}

/** Issues `tickets` tickets, then every counter calls, serves and finishes until call-next says 204. */
export async function runRace(bases: string[], setup: RaceSetup, tickets: number): Promise<RaceResult> {
  const errors: string[] = [];
  const base = (i: number) => bases[i % bases.length] as string;
  const replies = await pool(Array.from({ length: tickets }), 16, (_, i) =>
    issueTicket(base(i), setup.serviceId),
  );
  const issued = replies.flatMap((r) => {
    if (r.status === 201) return [r.body];
    errors.push(`issue: HTTP ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
    return [];
  });
  const calledBy = new Map<number, number[]>();
  const started = performance.now();
  await Promise.all(
    setup.counterIds.map(async (counterId, ci) => {
      const b = base(ci);
      for (let k = 0; k < tickets * 2; k++) {
        const r = await callNext(b, setup.officerToken, counterId);
        if (r.status === 204) return;
        if (r.status !== 200 || !r.body) {
          errors.push(`call-next ${counterId}: HTTP ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
          return;
        }
        const id = r.body.id;
        calledBy.set(id, [...(calledBy.get(id) ?? []), counterId]);
        const s = await serveAndFinish(b, setup.officerToken, id);
        if (s.start !== 200 || s.finish !== 200) errors.push(`start/finish ${id}: ${s.start}/${s.finish}`);
      }
      errors.push(`counter ${counterId} never saw an empty queue`);
    }),
  );
  return { issued, calledBy, errors, ms: performance.now() - started };
}
