import os from 'node:os';
import { callNext, issueTicket, lastEventId, serveAndFinish } from '../test/process/api.js';
import { setupRaceCounters } from '../test/process/race.js';
import { startServer } from '../test/process/server-process.js';
import { measureFanout } from './lib/fanout-measure.js';
import { envNumber, writeResult } from './lib/results.js';

/**
 * 10,000 held SSE connections on one compiled server (SQLite): the server's RSS before and with them
 * (per connection and in total), then a few calls fanned out to all of them (every delivery timed).
 */

const connections = envNumber('BENCH_HELD_CONNECTIONS', 10_000);
const calls = envNumber('BENCH_HELD_CALLS', 10);

const loadBefore = os.loadavg()[0];
const server = await startServer({ compiled: true });
try {
  const setup = await setupRaceCounters(server.base, 1, 301);
  const counterId = setup.counterIds[0] as number;
  const round = await measureFanout(
    {
      streamUrl: `${server.base}/api/v1/malls/demo/displays/all/stream`,
      lastEventId: await lastEventId(server.base),
      pid: server.pid,
      async call(_, mark) {
        const t = await issueTicket(server.base, setup.serviceId);
        if (t.status !== 201) throw new Error(`issue: ${t.status}`);
        mark(t.body.number);
        const c = await callNext(server.base, setup.officerToken, counterId);
        if (c.status !== 200) throw new Error(`call-next: ${c.status}`);
        await serveAndFinish(server.base, setup.officerToken, c.body!.id);
      },
    },
    { connections, calls, spacingMs: 1000 },
  );
  const result = {
    connections,
    calls,
    ...round,
    totalRssMiB: Math.round(round.serverRss.withConnectionsBytes / 2 ** 20),
    loadAverage1m: { before: loadBefore, after: os.loadavg()[0] },
  };
  console.log(JSON.stringify(result, null, 2));
  console.log(`wrote ${writeResult('held', result)}`);
} finally {
  await server.kill9();
}
