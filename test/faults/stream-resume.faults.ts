import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { call, callNext, issueTicket, lastEventId, type TicketDto } from '../process/api.js';
import { createThrowawayDb, pgServerFromTestEnv, type ThrowawayDb } from '../process/pg-db.js';
import { setupRaceCounters } from '../process/race.js';
import { type ServerProcess, sleep, startServer, tempDir } from '../process/server-process.js';
import { openSse, type SseMessage, type SseStream } from '../process/sse-client.js';
import { queryOnce } from './inspect.js';

/**
 * Issue 16 §3: a board's display stream and a citizen's ticket stream resume after the server is
 * killed (-9) and restarted, by reconnecting with Last-Event-ID as EventSource does. Events made
 * while the client was away — after the restart on SQLite; on PostgreSQL by a second node while the
 * first was down — come in the replay; nothing is missed, nothing comes twice, no reset is needed.
 */

const pgAdmin = pgServerFromTestEnv();
if (!pgAdmin) console.warn('[fault tests] SATU_ATAP_TEST_PG is empty: the PostgreSQL stream test is SKIPPED');
const mall = '/api/v1/malls/demo';

interface Received {
  connection: number;
  m: SseMessage;
}

async function waitFor(what: () => boolean | Promise<boolean>, label: () => string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await what())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${label()}`);
    await sleep(50);
  }
}

describe.each(['sqlite', 'postgres'] as const)('streams resume after a restart (%s)', (dialect) => {
  const servers: ServerProcess[] = [];
  const streams: SseStream[] = [];
  let dataDir = '';
  let db: ThrowawayDb | undefined;

  afterAll(async () => {
    for (const s of streams) s.close();
    for (const s of servers) await s.kill9();
    await db?.drop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it.skipIf(dialect === 'postgres' && !pgAdmin)(
    'replays what was missed after Last-Event-ID, once each, in order',
    async () => {
      if (dialect === 'postgres') db = await createThrowawayDb(pgAdmin ?? '', 'satu_atap_faults_streams');
      dataDir = tempDir('satu-atap-streams-');
      const target = { dataDir, databaseUrl: db?.url };
      const start = async () => {
        const s = await startServer({ ...target, compiled: true });
        servers.push(s);
        return s;
      };
      const a = await start();
      const other = dialect === 'postgres' ? await start() : undefined;
      const race = await setupRaceCounters(a.base, 2);
      const [c1, c2] = race.counterIds as [number, number];
      const token = race.officerToken;
      const issue = async (base: string) => {
        const r = await issueTicket(base, race.serviceId);
        expect(r.status).toBe(201);
        return r.body;
      };
      const next = async (base: string, counter: number, expected: TicketDto) => {
        const r = await callNext(base, token, counter);
        expect(r.body?.number).toBe(expected.number);
      };
      const act = async (base: string, t: TicketDto, action: 'start' | 'finish') =>
        expect(
          (
            await call(base, 'POST', `${mall}/tickets/${t.id}/${action}`, {
              token,
              body: action === 'finish' ? { outcome: 'done' } : undefined,
            })
          ).status,
        ).toBe(200);

      const t1 = await issue(a.base);
      const t2 = await issue(a.base);
      const mine = await issue(a.base);

      // A board and the citizen's phone, connected to A.
      const from = await lastEventId(a.base);
      const board: Received[] = [];
      const phone: Received[] = [];
      let connection = 1;
      const open = async (base: string, board0?: string | null, phone0?: string | null) => {
        streams.push(
          await openSse(`${base}${mall}/displays/all/stream`, (m) => board.push({ connection, m }), {
            lastEventId: board0 ?? from,
          }),
          await openSse(
            `${base}${mall}/tickets/${mine.trackingCode}/stream`,
            (m) => phone.push({ connection, m }),
            phone0 === undefined ? {} : { lastEventId: phone0 ?? undefined },
          ),
        );
      };
      await open(a.base, null, undefined);
      const boardAt = async (base: string) => {
        const h = await lastEventId(base);
        await waitFor(
          () => Number(board[board.length - 1]?.m.id ?? from) >= h,
          () => `board at ${h}, has ${board.at(-1)?.m.id}`,
        );
      };

      // 1. Connected: the first ticket is called, served and finished; another comes.
      await next(a.base, c1, t1);
      await act(a.base, t1, 'start');
      await act(a.base, t1, 'finish');
      await issue(a.base);
      await boardAt(a.base);
      await waitFor(
        () => phone.some((r) => r.m.event === 'ticket.position'),
        () => 'phone position',
      );

      // 2. kill -9: both streams drop. Meanwhile the citizen is called: by the restarted node
      //    (SQLite) or by the other node while this one is down (PostgreSQL).
      await a.kill9();
      const lastBoard = board.at(-1)?.m.id ?? null;
      const lastPhone = [...phone].reverse().find((r) => r.m.id !== null)?.m.id ?? null;
      const writer = other ?? (await start());
      await next(writer.base, c1, t2);
      await next(writer.base, c2, mine);
      await issue(writer.base);
      const resumed = other ? await start() : writer;

      // 3. Reconnect to the restarted node with Last-Event-ID, as EventSource does.
      connection = 2;
      await open(resumed.base, lastBoard, lastPhone);
      await act(resumed.base, t2, 'finish');
      await act(writer.base, mine, 'start');
      await issue(resumed.base);
      await boardAt(resumed.base);
      await waitFor(
        () =>
          phone.some(
            (r) => r.connection === 2 && r.m.event === 'ticket.snapshot' && r.m.data.includes('"serving"'),
          ),
        () => `phone sees serving: ${phone.map((r) => r.m.event).join(',')}`,
      );

      // Every event of the mall after `from`, once each, in order, over the two connections.
      const recorded = (
        await queryOnce<{ seq: number }>(
          target,
          "select e.seq from live_events e join malls m on m.id = e.mall_id where m.slug = 'demo' and e.seq > $1 order by e.seq",
          [from],
        )
      ).map((e) => Number(e.seq));
      const seqs = board.map((r) => Number(r.m.id));
      expect(board.filter((r) => r.m.event === 'reset')).toEqual([]);
      expect(seqs).toEqual(recorded);
      const replayed = board.filter((r) => r.connection === 2 && Number(r.m.id) <= Number(lastBoard));
      expect(replayed).toEqual([]);
      const numbersCalled = board
        .filter((r) => r.m.event === 'ticket.called')
        .map((r) => (JSON.parse(r.m.data) as { payload: { number: string } }).payload.number);
      expect(numbersCalled).toEqual([t1.number, t2.number, mine.number]);

      // The phone: its call once, from the replay; then its state from the snapshots.
      const calls = phone.filter((r) => r.m.event === 'ticket.called');
      expect(calls.map((r) => r.connection)).toEqual([2]);
      expect(phone.filter((r) => r.m.event === 'reset')).toEqual([]);
      const ids = phone.filter((r) => r.m.event === 'ticket.called').map((r) => r.m.id);
      expect(new Set(ids).size).toBe(ids.length);
      console.info(
        `[fault streams ${dialect}] board: ${seqs.length} events (${board.filter((r) => r.connection === 1).length} before the kill, ${board.filter((r) => r.connection === 2).length} after reconnecting from ${lastBoard}); phone: ${phone.map((r) => `${r.connection}:${r.m.event}`).join(' ')}`,
      );
    },
    180_000,
  );
});
