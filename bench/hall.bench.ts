import fs from 'node:fs';
import os from 'node:os';
import { callNext, issueTicket, lastEventId, serveAndFinish } from '../test/process/api.js';
import { pool, setupRaceCounters } from '../test/process/race.js';
import { rssBytes, sleep, startServer } from '../test/process/server-process.js';
import { openSse, type SseStream } from '../test/process/sse-client.js';
import { envNumber, quantile, round, writeResult } from './lib/results.js';

/**
 * A realistic hall at steady state on one compiled server (SQLite): 25 counters calling and finishing
 * (a few seconds per citizen), a kiosk issuing as fast as tickets are called (the line stays ~1,000),
 * 1,000 display boards on the public display stream and 1,000 phones on their own ticket streams.
 * Measured: call → display (each board's receipt of ticket.called, from just before the call-next
 * request), call → phone (each phone's receipt of a ticket.position whose position moved, from the
 * call that moved it: the latest call whose ticket.called seq is at or below the frame's seq), and
 * the server's CPU time per call (/proc/<pid>/stat). Bounded: BENCH_HALL_SECONDS of steady state.
 */

const COUNTERS = envNumber('BENCH_HALL_COUNTERS', 25);
const DISPLAYS = envNumber('BENCH_HALL_DISPLAYS', 1000);
const PHONES = envNumber('BENCH_HALL_PHONES', 1000);
const SECONDS = envNumber('BENCH_HALL_SECONDS', 20);
const SERVICE_MS = envNumber('BENCH_HALL_SERVICE_MS', 3000);
const FIRST_COUNTER = 301;
const GOALS = { callToDisplayP99Ms: 50, callToPhoneP99Ms: 100 };

const cpuMs = (pid: number) => {
  const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime + stime, in clock ticks of 10 ms
};

const loadBefore = os.loadavg()[0];
const server = await startServer({ compiled: true });
const streams: SseStream[] = [];
try {
  const setup = await setupRaceCounters(server.base, COUNTERS, FIRST_COUNTER);
  const tickets = await pool(Array.from({ length: PHONES }), 8, async () => {
    const t = await issueTicket(server.base, setup.serviceId);
    if (t.status !== 201) throw new Error(`issue: ${t.status} ${JSON.stringify(t.body)}`);
    return t.body;
  });
  const callStart = new Map<number, number>(); // counter number → just before its latest call-next
  const seqStart: [number, number][] = []; // [ticket.called seq, call start], ascending
  const toDisplay: number[] = [];
  const toPhone: number[] = [];
  let phoneStreams = true;
  const head = await lastEventId(server.base);
  await pool(Array.from({ length: DISPLAYS }), 100, async (_, i) => {
    const s = await openSse(
      `${server.base}/api/v1/malls/demo/displays/all/stream`,
      (m) => {
        if (m.event !== 'ticket.called') return;
        const now = performance.now();
        const d = JSON.parse(m.data) as { seq: number; payload: { counterNumber: number } };
        const sent = callStart.get(d.payload.counterNumber);
        if (sent === undefined) return;
        toDisplay.push(now - sent);
        if (i === 0) seqStart.push([d.seq ?? Number(m.id), sent]);
      },
      { lastEventId: head, timeoutMs: 30_000 },
    );
    streams.push(s);
  });
  const startOfCall = (seq: number) => {
    let lo = 0;
    let hi = seqStart.length - 1;
    let found: number | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (seqStart[mid]![0] <= seq) {
        found = seqStart[mid]![1];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
  try {
    await pool(tickets, 100, async (t) => {
      let last: number | null | undefined;
      const s = await openSse(
        `${server.base}/api/v1/malls/demo/tickets/${t.trackingCode}/stream`,
        (m) => {
          if (m.event !== 'ticket.position') return;
          const now = performance.now();
          const d = JSON.parse(m.data) as { seq: number; payload: { position: number | null } };
          const moved = last !== undefined && d.payload.position !== last;
          last = d.payload.position;
          const sent = moved ? startOfCall(d.seq ?? Number(m.id)) : undefined;
          if (sent !== undefined) toPhone.push(now - sent);
        },
        { timeoutMs: 30_000 },
      );
      streams.push(s);
    });
  } catch (err) {
    phoneStreams = false; // the citizen ticket stream is not on this build
    console.warn(`phones skipped: ${(err as Error).message}`);
  }
  await sleep(1000);
  const rss = rssBytes(server.pid);
  const cpuBefore = cpuMs(server.pid);
  const started = performance.now();
  const until = started + SECONDS * 1000;
  let calls = 0;
  let issued = 0;
  const counter = async (counterId: number, i: number) => {
    await sleep(Math.random() * SERVICE_MS);
    while (performance.now() < until) {
      callStart.set(FIRST_COUNTER + i, performance.now());
      const c = await callNext(server.base, setup.officerToken, counterId);
      if (c.status !== 200 || !c.body) {
        await sleep(200);
        continue;
      }
      calls++;
      await sleep(SERVICE_MS * (0.5 + Math.random()));
      await serveAndFinish(server.base, setup.officerToken, c.body.id);
    }
  };
  const kiosk = async () => {
    while (performance.now() < until) {
      if (issued < calls) {
        await issueTicket(server.base, setup.serviceId);
        issued++;
      } else await sleep(20);
    }
  };
  await Promise.all([...setup.counterIds.map(counter), kiosk()]);
  const runMs = performance.now() - started;
  await sleep(2000);
  const cpu = cpuMs(server.pid) - cpuBefore;
  const sorted = (xs: number[]) => Float64Array.from(xs).sort();
  const stats = (xs: number[]) => {
    const s = sorted(xs);
    return {
      n: s.length,
      p50: round(quantile(s, 0.5)),
      p95: round(quantile(s, 0.95)),
      p99: round(quantile(s, 0.99)),
      max: round(quantile(s, 1)),
    };
  };
  const result = {
    counters: COUNTERS,
    displays: DISPLAYS,
    phones: phoneStreams ? PHONES : 0,
    seconds: round(runMs / 1000, 1),
    serviceMs: SERVICE_MS,
    calls,
    issued,
    callsPerSecond: round((calls / runMs) * 1000, 1),
    callToDisplayMs: stats(toDisplay),
    callToPhoneMs: phoneStreams ? stats(toPhone) : 'ticket streams not available',
    serverCpuMsPerCall: round(cpu / Math.max(1, calls), 1),
    serverCpuShare: round(cpu / runMs, 2),
    serverRssMiB: round(rss / 2 ** 20, 1),
    goals: GOALS,
    loadAverage1m: { before: loadBefore, after: os.loadavg()[0] },
    note: 'call start = just before the call-next request (per counter: one call in flight each)',
  };
  console.log(JSON.stringify(result, null, 2));
  console.log(`wrote ${writeResult('hall', result)}`);
} finally {
  for (const s of streams) s.close();
  await server.kill9();
}
