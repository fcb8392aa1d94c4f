/**
 * Backup and restore times (`satu-atap backup` / `restore`, in-process, without the CLI's start-up)
 * of the demo mall and of a bigger database: the demo mall plus BENCH_BACKUP_TICKETS (100,000)
 * finished tickets with three ticket events each and BENCH_BACKUP_AUDIT (20,000) audit rows,
 * generated in SQL (audit rows through the real chain writer). On SQLite the big backup runs while a
 * worker thread commits one small write transaction after another on its own connection, as a
 * serving server would: its commits per second and slowest commit during the backup show whether
 * the backup holds writers up. PostgreSQL is measured when a server answers at BENCH_PG_URL.
 * Writes bench/results/backup.json. Run: `npm run bench -- backup`.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { sql } from 'kysely';
import { appendAudit } from '../src/server/audit/audit.js';
import { loadConfig } from '../src/server/config.js';
import { type Database, openDatabase } from '../src/server/db/database.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { inTransaction } from '../src/server/db/tx.js';
import { backupDatabase, restoreDatabase } from '../src/server/ops/backup.js';
import { seedDemoMall } from '../src/server/seed/demo.js';
import { createThrowawayDb, pgReachable } from '../test/process/pg-db.js';
import { envNumber, round, writeResult } from './lib/results.js';

const TICKETS = envNumber('BENCH_BACKUP_TICKETS', 100_000);
const AUDIT = envNumber('BENCH_BACKUP_AUDIT', 20_000);
const PG_ADMIN = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const mb = (bytes: number) => round(bytes / 1024 / 1024, 1);
const s = (ms: number) => round(ms / 1000, 2);

async function bulk(database: Database): Promise<void> {
  const { db } = database;
  const mall = await db.selectFrom('malls').select('id').executeTakeFirstOrThrow();
  const cs = await db
    .selectFrom('counter_services')
    .select(['service_id', 'counter_id'])
    .orderBy('counter_id')
    .executeTakeFirstOrThrow();
  const n = sql.lit(TICKETS);
  const series =
    database.dialect === 'sqlite'
      ? sql`(WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${n}) SELECT i FROM n) AS s`
      : sql`generate_series(1, ${n}) AS s(i)`;
  const day =
    database.dialect === 'sqlite'
      ? sql`date('2025-01-01', '+' || (i / 1000) || ' days')`
      : sql`to_char(date '2025-01-01' + (i / 1000), 'YYYY-MM-DD')`;
  await sql`
    INSERT INTO tickets (mall_id, service_id, number, local_date, status, source, tracking_code, counter_id,
                         issued_at, queued_at, called_at, started_at, finished_at, outcome)
    SELECT ${mall.id}, ${cs.service_id}, 'B-' || (i % 1000), ${day}, 'finished', 'kiosk', 'BENCH' || i,
           ${cs.counter_id}, ${day} || 'T02:00:00.000Z', ${day} || 'T02:00:00.000Z', ${day} || 'T02:10:00.000Z',
           ${day} || 'T02:11:00.000Z', ${day} || 'T02:20:00.000Z', 'done'
      FROM ${series}`.execute(db);
  await sql`
    INSERT INTO ticket_events (mall_id, ticket_id, service_id, type, at, counter_id)
    SELECT t.mall_id, t.id, t.service_id, e.type, t.issued_at, t.counter_id
      FROM tickets t CROSS JOIN (SELECT 'issued' AS type UNION ALL SELECT 'called' UNION ALL SELECT 'finished') e
     WHERE t.tracking_code LIKE 'BENCH%'`.execute(db);
  await inTransaction(db, async (tx) => {
    for (let i = 0; i < AUDIT; i++)
      await appendAudit(tx, {
        mallId: mall.id,
        actorId: null,
        action: 'bench.update',
        entity: 'ticket',
        entityId: i,
        after: { note: `bench ${i}` },
        at: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
      });
  });
}

/** A writer on its own connection, committing one small transaction after another until stopped. */
function startWriter(file: string) {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const SQLite = require(${JSON.stringify(createRequire(import.meta.url).resolve('better-sqlite3'))});
    const db = new SQLite(workerData.file, { timeout: 5000 });
    db.pragma('synchronous = NORMAL');
    db.exec('CREATE TABLE IF NOT EXISTS bench_writes (id INTEGER PRIMARY KEY, at TEXT)');
    const ins = db.prepare('INSERT INTO bench_writes (at) VALUES (?)');
    let stop = false, measuring = false, commits = 0, worst = 0;
    parentPort.on('message', (m) => {
      if (m === 'measure') { measuring = true; commits = 0; worst = 0; }
      if (m === 'stop') stop = true;
    });
    (function loop() {
      if (stop) { parentPort.postMessage({ commits, worst }); db.close(); return; }
      const t = performance.now();
      ins.run(new Date().toISOString());
      const ms = performance.now() - t;
      if (measuring) { commits++; worst = Math.max(worst, ms); }
      setImmediate(loop);
    })();`;
  const worker = new Worker(code, { eval: true, workerData: { file } });
  return {
    measure: () => worker.postMessage('measure'),
    stop: () =>
      new Promise<{ commits: number; worst: number }>((resolve) => {
        worker.once('message', resolve);
        worker.postMessage('stop');
      }),
  };
}

async function measure(
  label: string,
  config: ReturnType<typeof loadConfig>,
  target: ReturnType<typeof loadConfig>,
  dir: string,
) {
  const made = await backupDatabase(config, { out: path.join(dir, `${label}.backup`) });
  const restored = await restoreDatabase(target, made.file, { force: true });
  if (!restored.audit.ok) throw new Error(`audit chain broken after restore: ${restored.audit.problems[0]}`);
  return {
    backupSeconds: s(made.ms),
    backupMiB: mb(made.bytes),
    restoreSeconds: s(restored.ms),
    auditRows: restored.audit.rows,
    auditCheckSeconds: s(restored.auditMs),
  };
}

async function sqliteRun(dir: string) {
  const config = loadConfig({ DATA_DIR: path.join(dir, 'sqlite'), LOG_LEVEL: 'silent' });
  const target = loadConfig({ DATA_DIR: path.join(dir, 'sqlite-restored'), LOG_LEVEL: 'silent' });
  const database = openDatabase({ sqlitePath: config.sqlitePath });
  await migrateToLatest(database);
  await seedDemoMall(database, 'bench-pass');
  const demo = await measure('sqlite-demo', config, target, dir);
  console.log('SQLite demo', JSON.stringify(demo));
  let started = performance.now();
  await bulk(database);
  await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(database.db);
  const generateSeconds = s(performance.now() - started);
  const dbMiB = mb(fs.statSync(config.sqlitePath).size);
  console.log(`SQLite: generated ${TICKETS} tickets in ${generateSeconds} s (${dbMiB} MiB)`);
  // The big one while a writer commits.
  const writer = startWriter(config.sqlitePath);
  await new Promise((r) => setTimeout(r, 300));
  writer.measure();
  started = performance.now();
  const made = await backupDatabase(config, { out: path.join(dir, 'sqlite-big.backup') });
  const during = performance.now() - started;
  const w = await writer.stop();
  await database.close();
  const restored = await restoreDatabase(target, made.file, { force: true });
  if (!restored.audit.ok) throw new Error('audit chain broken after restore');
  return {
    demo,
    big: {
      tickets: TICKETS,
      databaseMiB: dbMiB,
      generateSeconds,
      backupSeconds: s(made.ms),
      backupMiB: mb(made.bytes),
      restoreSeconds: s(restored.ms),
      auditRows: restored.audit.rows,
      auditCheckSeconds: s(restored.auditMs),
      writerDuringBackup: {
        commitsPerSecond: Math.round(w.commits / (during / 1000)),
        slowestCommitMs: round(w.worst, 1),
      },
    },
  };
}

async function pgRun(dir: string) {
  if (!(await pgReachable(PG_ADMIN))) return null;
  const source = await createThrowawayDb(PG_ADMIN, 'bench_backup_src');
  const dest = await createThrowawayDb(PG_ADMIN, 'bench_backup_dst');
  try {
    const config = loadConfig({ DATA_DIR: dir, DATABASE_URL: source.url, LOG_LEVEL: 'silent' });
    const target = loadConfig({ DATA_DIR: dir, DATABASE_URL: dest.url, LOG_LEVEL: 'silent' });
    const database = openDatabase({ databaseUrl: source.url, sqlitePath: '', poolSize: 2 });
    try {
      await migrateToLatest(database);
      await seedDemoMall(database, 'bench-pass');
      const demo = await measure('pg-demo', config, target, dir);
      const started = performance.now();
      await bulk(database);
      const generateSeconds = s(performance.now() - started);
      const big = await measure('pg-big', config, target, dir);
      return { demo, big: { tickets: TICKETS, generateSeconds, ...big } };
    } finally {
      await database.close();
    }
  } finally {
    await source.drop();
    await dest.drop();
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'satu-atap-bench-backup-'));
try {
  const sqlite = await sqliteRun(dir);
  console.log('SQLite', JSON.stringify(sqlite));
  const postgres = await pgRun(dir);
  console.log('PostgreSQL', JSON.stringify(postgres));
  console.log(`wrote ${writeResult('backup', { tickets: TICKETS, auditRows: AUDIT, sqlite, postgres })}`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
