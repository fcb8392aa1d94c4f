import os from 'node:os';
import { callNext, issueTicket, lastEventId, serveAndFinish } from '../test/process/api.js';
import { setupRaceCounters } from '../test/process/race.js';
import { sleep, startServer } from '../test/process/server-process.js';
import { type FanoutOptions, measureFanout } from './lib/fanout-measure.js';
import { startFanout } from './lib/fanout-server.js';
import { envNumber, writeResult } from './lib/results.js';

/**
 * Display fan-out: 1,000 SSE connections held on the real server (SQLite), then tickets issued and
 * called one at a time (issue, then call-next, every SPACING_MS); every connection's receipt of each
 * ticket.called is timed from just before the call-next request. The server's RSS per held
 * connection comes from /proc/<pid>/status.
 * Two more rounds for context: a bare node:http SSE server doing the same fan-out (no database, no
 * framework: the machine's ceiling), and the real server with calls paced PACED_MS apart, so each
 * call's fan-out is timed on its own rather than queued behind the previous one.
 */

const connections = envNumber('BENCH_SSE_CONNECTIONS', 1000);
const main: FanoutOptions = {
  connections,
  calls: envNumber('BENCH_SSE_CALLS', 200),
  spacingMs: envNumber('BENCH_SSE_SPACING_MS', 20),
};
const paced: FanoutOptions = { connections, calls: 40, spacingMs: envNumber('BENCH_SSE_PACED_MS', 250) };
const TARGET_P99_MS = 50;

async function bare(o: FanoutOptions) {
  const fan = await startFanout();
  try {
    const target = {
      streamUrl: `${fan.base}/stream`,
      pid: fan.pid,
      async call(i: number, mark: (n: string) => void) {
        const number = `X-${i}`;
        mark(number);
        await fetch(`${fan.base}/emit`, { method: 'POST', body: JSON.stringify({ number }) });
      },
    };
    return await measureFanout(target, o);
  } finally {
    await fan.stop();
  }
}

async function satuAtap(o: FanoutOptions) {
  const server = await startServer({ compiled: true });
  try {
    const setup = await setupRaceCounters(server.base, 1, 301);
    const counterId = setup.counterIds[0] as number;
    for (let i = 0; i < 20; i++) {
      // warm-up (JIT, statement caches), leaving the counter free
      const t = await issueTicket(server.base, setup.serviceId);
      await callNext(server.base, setup.officerToken, counterId);
      await serveAndFinish(server.base, setup.officerToken, t.body.id);
    }
    await sleep(500);
    const target = {
      streamUrl: `${server.base}/api/v1/malls/demo/displays/all/stream`,
      lastEventId: await lastEventId(server.base),
      pid: server.pid,
      async call(_: number, mark: (n: string) => void) {
        const t = await issueTicket(server.base, setup.serviceId);
        if (t.status !== 201) throw new Error(`issue: ${t.status}`);
        mark(t.body.number);
        const c = await callNext(server.base, setup.officerToken, counterId);
        if (c.status !== 200 || c.body?.number !== t.body.number) throw new Error(`call-next: ${c.status}`);
      },
    };
    return await measureFanout(target, o);
  } finally {
    await server.kill9();
  }
}

const loadBefore = os.loadavg()[0];
const app = await satuAtap(main);
console.log(`Satu Atap, calls every ${main.spacingMs} ms:`, JSON.stringify(app.latencyMs));
const bareRound = await bare(main);
console.log(`bare node:http, every ${main.spacingMs} ms:`, JSON.stringify(bareRound.latencyMs));
const pacedRound = await satuAtap(paced);
console.log(`Satu Atap, calls every ${paced.spacingMs} ms:`, JSON.stringify(pacedRound.latencyMs));
const result = {
  ...main,
  targetP99Ms: TARGET_P99_MS,
  meetsTarget: app.latencyMs.p99 <= TARGET_P99_MS && app.missing === 0,
  satuAtap: app,
  bareNodeHttpFanout: bareRound,
  satuAtapPaced: { spacingMs: paced.spacingMs, calls: paced.calls, ...pacedRound },
  loadAverage1m: { before: loadBefore, after: os.loadavg()[0] },
  note: 'latency = when a connection parsed ticket.called minus just before the call-next request (bare: the emit request); client and server share the machine’s cores',
};
const file = writeResult('sse', result);
console.log(JSON.stringify(result, null, 2));
console.log(`wrote ${file}`);
if (app.missing > 0 || pacedRound.missing > 0) process.exitCode = 1;
