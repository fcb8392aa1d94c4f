import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bearer, createTestMall, type TestMall } from '../../../test/harness.js';
import { createThrowawayDb, pgServerFromTestEnv, type ThrowawayDb } from '../../../test/process/pg-db.js';
import { ROOT } from '../../../test/process/server-process.js';
import { type Config, loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { backupDatabase, restoreCommand, restoreDatabase } from './backup.js';
import { splitPassword } from './backup.pg.js';
import { OpsError } from './ops-error.js';

// 2026-11-23 is a Monday; 03:00 UTC is 10:00 WIB.
const MONDAY_10 = new Date('2026-11-23T03:00:00Z');

const tmp = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), `satu-atap-${prefix}-`));
const configFor = (dataDir: string, databaseUrl?: string): Config =>
  loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' });

/** Tables that must hold rows after populate(), so the comparison covers every capability. */
const FILLED = [
  'tickets',
  'ticket_events',
  'live_events',
  'bookings',
  'booking_sessions',
  'applications',
  'application_events',
  'payments',
  'receipt_sequences',
  'complaints',
  'complaint_events',
  'ticket_notifications',
  'outbox_messages',
  'audit_log',
  'installation_secrets',
];

/**
 * A mall with data in many tables, made through the API as staff and citizens would: queue tickets
 * (issued, called, finished, a notify request), an online booking, an application with its payment,
 * a complaint from the kiosk.
 */
async function populate(t: TestMall): Promise<{ issue: () => Promise<number> }> {
  const url = (p: string) => `/api/v1/malls/${t.slug}${p}`;
  const req = async (method: 'GET' | 'POST' | 'PATCH', p: string, payload?: object, token?: string) =>
    t.app.inject({ method, url: url(p), payload, headers: token ? bearer(token) : {} });
  const ok = async (res: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 201) => {
    const r = await res;
    expect(r.statusCode, r.body).toBe(status);
    return r.json() as Record<string, unknown>;
  };
  const [admin, officer, polres] = await Promise.all([
    t.login('admin'),
    t.login('petugas'),
    t.login('petugas-polres'),
  ]);
  const services = (await ok(req('GET', '/services?limit=500'), 200)).items as { id: number; name: string }[];
  const ktp = services.find((s) => s.name === 'Penerbitan KTP-el baru')!.id;
  const skck = services.find((s) => s.name === 'Penerbitan SKCK baru')!.id;
  const counters = (await ok(req('GET', '/counters'), 200)).items as { id: number; serviceIds: number[] }[];
  const ktpCounter = counters.find((c) => c.serviceIds.includes(ktp))!.id;

  const tickets = [];
  for (let i = 0; i < 5; i++) tickets.push(await ok(t.issueKioskTicket(i % 2 ? skck : ktp)));
  await ok(
    req('POST', `/tickets/${tickets[4]!.trackingCode}/notify`, {
      channel: 'whatsapp',
      address: '081234567890',
      whenAhead: 1,
    }),
  );
  const called = await ok(req('POST', `/counters/${ktpCounter}/call-next`, undefined, officer), 200);
  await ok(req('POST', `/tickets/${called.id}/finish`, { outcome: 'done' }, officer), 200);

  const sessions = await ok(
    req(
      'PATCH',
      `/services/${ktp}`,
      { booking: { sessions: [{ start: '08:00', end: '12:00', capacity: 5 }], daysAhead: 14 } },
      admin,
    ),
    200,
  );
  const sessionId = (sessions.booking as { sessions: { id: number }[] }).sessions[0]!.id;
  await ok(
    req('POST', '/bookings', {
      serviceId: ktp,
      date: '2026-11-24',
      sessionId,
      nik: '3204011505900001',
      name: 'Warga Uji',
      phone: '0812-3456-7890',
    }),
  );

  const requirements = (
    (await ok(req('GET', `/services/${skck}`), 200)).standard as { requirements: string[] }
  ).requirements;
  const application = await ok(
    req(
      'POST',
      '/applications',
      {
        serviceId: skck,
        applicant: { name: 'Budi Uji', nik: '3204010101900001', phone: '081234567890' },
        checklist: requirements.map((requirement) => ({ requirement, present: true })),
      },
      polres,
    ),
  );
  await ok(req('POST', `/applications/${application.id}/payments`, { method: 'cash' }, polres));

  await ok(
    t.app.inject({
      method: 'POST',
      url: url('/complaints'),
      headers: bearer(await t.kioskToken()),
      payload: {
        type: 'complaint',
        title: 'Antrean terlalu lama',
        body: 'Menunggu dua jam di loket.',
        serviceId: ktp,
        anonymous: false,
        reporter: { name: 'Siti', phone: '0812 3456 7890' },
      },
    }),
  );
  return {
    issue: async () => (await t.issueKioskTicket(ktp)).statusCode,
  };
}

/** Every table of an SQLite file (from its catalogue) with its rows, serialised and sorted. */
function sqliteSnapshot(file: string): Record<string, string[]> {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
        name: string;
      }[]
    ).map((r) => r.name);
    const out: Record<string, string[]> = {
      '(schema)': (db.prepare('SELECT type, name, sql FROM sqlite_master').all() as unknown[])
        .map((r) => JSON.stringify(r))
        .sort(),
    };
    for (const t of tables)
      out[t] = (db.prepare(`SELECT * FROM "${t}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort();
    return out;
  } finally {
    db.close();
  }
}

/** Every table of the public schema (from the catalogue) with its rows, plus the sequences' positions. */
async function pgSnapshot(url: string): Promise<Record<string, string[]>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const tables = (
      await c.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables
          WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
      )
    ).rows.map((r) => r.table_name);
    const seqs = await c.query(
      "SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1",
    );
    const out: Record<string, string[]> = { '(sequences)': seqs.rows.map((r) => JSON.stringify(r)) };
    for (const t of tables)
      out[t] = (await c.query(`SELECT * FROM public."${t}"`)).rows.map((r) => JSON.stringify(r)).sort();
    return out;
  } finally {
    await c.end();
  }
}

function expectFilled(snapshot: Record<string, string[]>): void {
  const empty = FILLED.filter((t) => !snapshot[t]?.length);
  expect(empty, 'populate() should leave rows in these tables').toEqual([]);
  expect(Object.keys(snapshot).length).toBeGreaterThan(60);
}

async function verifiedAudit(config: Config) {
  const { verifyAudit } = await import('../audit/audit.js');
  const database = openDatabase({ databaseUrl: config.DATABASE_URL, sqlitePath: config.sqlitePath });
  try {
    return await verifyAudit(database.db);
  } finally {
    await database.close();
  }
}

/** Runs the real command line (`node --import tsx src/cli/main.ts …`). */
function cli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const { DATABASE_URL: _d, ...rest } = process.env;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      cwd: ROOT,
      env: { ...rest, NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString();
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code: code ?? 1, out, err }));
  });
}

async function refusal(p: Promise<unknown>): Promise<OpsError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(OpsError);
  return err as OpsError;
}

describe('backup and restore on SQLite', () => {
  let t: TestMall;
  let issue: () => Promise<number>;
  const dirs: string[] = [];
  const dir = (p: string) => {
    const d = tmp(p);
    dirs.push(d);
    return d;
  };
  beforeAll(async () => {
    t = await createTestMall('sqlite', { start: MONDAY_10, alwaysOpen: true });
    ({ issue } = await populate(t));
  }, 60_000);
  afterAll(async () => {
    await t.close();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it('backs up with the command line while tickets are being issued; the copy is one consistent instant', async () => {
    const countTickets = async () =>
      Number(
        (
          await t.ctx.database.db
            .selectFrom('tickets')
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirst()
        )?.n,
      );
    const before = await countTickets();
    let running = true;
    let served = 0;
    const load = (async () => {
      while (running) if ((await issue()) === 201) served++;
    })();
    const out = path.join(dir('bk'), 'live.sqlite');
    const r = await cli(['backup', '--out', out], { DATA_DIR: path.dirname(t.ctx.config.sqlitePath) });
    const servedDuring = served;
    running = false;
    await load;
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`backup written: ${out}`);
    expect(servedDuring, 'tickets issued while the backup command ran').toBeGreaterThan(0);
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
    const after = await countTickets();

    const target = configFor(dir('restore-live'));
    const restored = await restoreDatabase(target, out);
    expect(restored.audit).toMatchObject({ ok: true, problems: [] });
    const copy = new SQLite(target.sqlitePath, { readonly: true });
    const copied = (copy.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n;
    // Every ticket in the copy has its issued event: a whole transaction or none of it.
    const orphans = copy
      .prepare(
        "SELECT count(*) AS n FROM tickets t WHERE NOT EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket_id = t.id AND e.type = 'issued')",
      )
      .get() as { n: number };
    copy.close();
    expect(copied).toBeGreaterThanOrEqual(before);
    expect(copied).toBeLessThanOrEqual(after);
    expect(orphans.n).toBe(0);
  });

  it('restores a backup into a fresh data directory identical in every table, row by row', async () => {
    const out = path.join(dir('bk'), 'quiet.sqlite');
    const made = await backupDatabase(t.ctx.config, { out });
    expect(made).toMatchObject({ kind: 'sqlite', file: out });
    const target = configFor(dir('restore'));
    const restored = await restoreDatabase(target, out);
    // No -wal or partial file is left beside the backup or the restored database.
    expect(fs.readdirSync(path.dirname(out))).toEqual(['quiet.sqlite']);
    expect(fs.readdirSync(target.DATA_DIR)).toEqual(['satu-atap.sqlite']);
    expect(restored).toMatchObject({ kind: 'sqlite', target: target.sqlitePath, pendingMigrations: 0 });
    expect(restored.audit.ok).toBe(true);
    expect(restored.audit.rows).toBeGreaterThan(50);
    // No PERSONAL_DATA_KEY in the test: the generated key is in the database, hence in the backup.
    expect(restored.personalData).toBe('readable');
    const source = sqliteSnapshot(t.ctx.config.sqlitePath);
    expectFilled(source);
    expect(sqliteSnapshot(target.sqlitePath)).toEqual(source);
  });

  it('refuses damaged and foreign files with a clear message and exit 1, touching nothing', async () => {
    const bk = dir('bad');
    const good = path.join(bk, 'good.sqlite');
    await backupDatabase(t.ctx.config, { out: good });
    const target = configFor(dir('restore-bad'));
    await restoreDatabase(target, good);
    const intact = sqliteSnapshot(target.sqlitePath);

    const truncated = path.join(bk, 'truncated.sqlite');
    fs.writeFileSync(truncated, fs.readFileSync(good).subarray(0, Math.floor(fs.statSync(good).size / 2)));
    const garbage = path.join(bk, 'garbage.bin');
    fs.writeFileSync(garbage, Buffer.alloc(5000, 7));
    const empty = path.join(bk, 'empty.sqlite');
    fs.writeFileSync(empty, '');
    const stranger = path.join(bk, 'other.sqlite');
    const foreign = new SQLite(stranger);
    foreign.exec('CREATE TABLE x (a)');
    foreign.close();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      for (const [file, message] of [
        [truncated, /is damaged or not a Satu Atap backup: database disk image is malformed|is damaged/],
        [garbage, /is not a Satu Atap backup \(neither an SQLite database nor a pg_dump archive\)/],
        [empty, /is empty: not a backup/],
        [stranger, /is an SQLite database but not a Satu Atap backup/],
        [path.join(bk, 'missing.sqlite'), /cannot read .*missing\.sqlite/],
      ] as const) {
        errors.mockClear();
        expect(await restoreCommand([file, '--force'], target), file).toBe(1);
        expect(errors.mock.calls.flat().join('\n')).toMatch(message);
      }
      expect(await restoreCommand([], target)).toBe(2);
      expect(errors.mock.calls.flat().join('\n')).toContain('usage: satu-atap restore FILE [--force]');
    } finally {
      errors.mockRestore();
    }
    expect(sqliteSnapshot(target.sqlitePath)).toEqual(intact);
    // (-wal and -shm are the read-only snapshot's.)
    expect(fs.readdirSync(target.DATA_DIR).filter((f) => !/-(wal|shm)$/.test(f))).toEqual([
      'satu-atap.sqlite',
    ]);
  });

  it('refuses a database in use or not empty; --force replaces it and keeps the old file aside', async () => {
    const bk = dir('force');
    const file = path.join(bk, 'b.sqlite');
    await backupDatabase(t.ctx.config, { out: file });
    // The test mall's own file is open in this process, as under a running server.
    const inUse = await refusal(restoreDatabase(t.ctx.config, file, { force: true }));
    expect(inUse.exitCode).toBe(2);
    expect(inUse.message).toMatch(/is in use .*stop the server first/);

    const target = configFor(dir('force-target'));
    // A different database sits in the target.
    await restoreDatabase(target, file);
    const old = new SQLite(target.sqlitePath);
    old.prepare("UPDATE malls SET name = 'Mal lama'").run();
    old.close();
    const previous = sqliteSnapshot(target.sqlitePath);
    const notEmpty = await refusal(restoreDatabase(target, file));
    expect(notEmpty.exitCode).toBe(2);
    expect(notEmpty.message).toMatch(/is not empty: add --force/);
    expect(sqliteSnapshot(target.sqlitePath)).toEqual(previous);

    const forced = await restoreDatabase(target, file, { force: true, now: MONDAY_10 });
    expect(forced.movedAside).toBe(`${target.sqlitePath}.pre-restore-20261123T030000Z`);
    expect(forced.audit.ok).toBe(true);
    expect(sqliteSnapshot(forced.movedAside!)).toEqual(previous);
    expect(sqliteSnapshot(target.sqlitePath)).toEqual(sqliteSnapshot(file));

    // A tampered backup restores, but the command fails with the audit problems.
    const tampered = path.join(bk, 'tampered.sqlite');
    fs.copyFileSync(file, tampered);
    const db = new SQLite(tampered);
    db.prepare("UPDATE audit_log SET action = 'edited' WHERE id = (SELECT max(id) FROM audit_log)").run();
    db.close();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const logs = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      expect(await restoreCommand([tampered, '--force'], target)).toBe(1);
      expect(errors.mock.calls.flat().join('\n')).toMatch(/AUDIT LOG BROKEN[\s\S]*row was edited/);
    } finally {
      errors.mockRestore();
      logs.mockRestore();
    }
    // NIKs sealed with a key that is not configured: restored, but the command fails and says why.
    const otherKey = loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: target.DATA_DIR,
      PERSONAL_DATA_KEY: Buffer.alloc(32, 1).toString('base64'),
    });
    const noKey = path.join(bk, 'no-key.sqlite');
    fs.copyFileSync(file, noKey);
    const nk = new SQLite(noKey);
    nk.prepare("DELETE FROM installation_secrets WHERE name = 'personal-data-key'").run();
    nk.close();
    const errors2 = vi.spyOn(console, 'error').mockImplementation(() => {});
    const logs2 = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      expect(await restoreCommand([file, '--force'], otherKey)).toBe(1);
      expect(errors2.mock.calls.flat().join('\n')).toMatch(
        /NIKs CANNOT BE READ: PERSONAL_DATA_KEY is not the key/,
      );
      expect((await restoreDatabase(target, noKey, { force: true })).personalData).toBe('no-key');
      expect((await restoreDatabase(target, file, { force: true })).personalData).toBe('readable');
    } finally {
      errors2.mockRestore();
      logs2.mockRestore();
    }
    // A backup made for the other database is refused.
    const pgConfig = configFor(dir('pg'), 'postgres://postgres@127.0.0.1:1/none');
    expect((await refusal(restoreDatabase(pgConfig, file))).message).toMatch(
      /SQLite backup but DATABASE_URL/,
    );
  });
});

describe('PostgreSQL connection strings for the client tools', () => {
  it('takes the password out (to PGPASSWORD), multi-host strings included', () => {
    expect(
      splitPassword('postgres://app:s3cr%40t@db1:5432,db2:5432/mall?target_session_attrs=read-write'),
    ).toEqual({
      url: 'postgres://app@db1:5432,db2:5432/mall?target_session_attrs=read-write',
      password: 's3cr@t',
    });
    expect(splitPassword('postgresql://app@db/mall')).toEqual({ url: 'postgresql://app@db/mall' });
    expect(splitPassword('postgres://db/mall')).toEqual({ url: 'postgres://db/mall' });
  });
});

const pgAdmin = pgServerFromTestEnv();

describe.skipIf(!pgAdmin)('backup and restore on PostgreSQL', () => {
  let source: ThrowawayDb;
  let target: ThrowawayDb;
  let t: TestMall;
  let work: string;
  let dump: string;
  beforeAll(async () => {
    source = await createThrowawayDb(pgAdmin!, 'bk_src');
    target = await createThrowawayDb(pgAdmin!, 'bk_dst');
    t = await createTestMall('postgres', { databaseUrl: source.url, start: MONDAY_10, alwaysOpen: true });
    const { issue } = await populate(t);
    work = tmp('pgbk');
    // Backed up while tickets are being issued (pg_dump reads one snapshot).
    let running = true;
    const load = (async () => {
      while (running) await issue();
    })();
    const live = await backupDatabase(t.ctx.config, { out: path.join(work, 'live.pgdump') }).finally(() => {
      running = false;
    });
    await load;
    // (Its table of contents was read back by pg_restore --list; SQLite's test restores its live copy.)
    expect(live.bytes).toBeGreaterThan(10_000);
    dump = path.join(work, 'quiet.pgdump');
    const made = await backupDatabase(t.ctx.config, { out: dump });
    expect(made.kind).toBe('postgres');
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await source?.drop();
    await target?.drop();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('restores into an empty database identical in every table, row by row, sequences included', async () => {
    // A multi-host connection string (a dead first host, as after a failover): the tools and the
    // checks reach the live one.
    const multiHost = `${target.url.replace('@', '@127.0.0.1:1,')}?target_session_attrs=read-write&connect_timeout=2`;
    const config = configFor(work, multiHost);
    const restored = await restoreDatabase(config, dump);
    expect(restored).toMatchObject({ kind: 'postgres', pendingMigrations: 0, unknownMigrations: [] });
    expect(restored.audit.ok).toBe(true);
    const snapshot = await pgSnapshot(source.url);
    expectFilled(snapshot);
    expect(await pgSnapshot(target.url)).toEqual(snapshot);
  });

  it('refuses a database with app nodes connected or not empty; --force replaces it in one transaction', async () => {
    const config = configFor(work, target.url);
    // The test mall's pool is connected to the source database, as app nodes would be.
    const busy = await refusal(restoreDatabase(t.ctx.config, dump, { force: true }));
    expect(busy.exitCode).toBe(2);
    expect(busy.message).toMatch(/Satu Atap connection\(s\) are open .*stop every app node/);

    const c = new pg.Client({ connectionString: target.url });
    await c.connect();
    await c.query('CREATE TABLE leftover (x int)');
    await c.query('DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)');
    await c.end();
    const notEmpty = await refusal(restoreDatabase(config, dump));
    expect(notEmpty.exitCode).toBe(2);
    expect(notEmpty.message).toMatch(/is not empty \(\d+ tables\).*--force/);

    const forced = await restoreDatabase(config, dump, { force: true });
    expect(forced.audit.ok).toBe(true);
    // Exactly the backup: the leftover table is gone, the deleted row is back.
    expect(await pgSnapshot(target.url)).toEqual(await pgSnapshot(source.url));
  });

  it('refuses truncated and damaged archives with exit 1 and leaves the database as it was', async () => {
    const config = configFor(work, target.url);
    const before = await pgSnapshot(target.url);
    const bytes = fs.readFileSync(dump);
    const truncated = path.join(work, 'truncated.pgdump');
    fs.writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    // Zeros inside the last table's compressed data: the table of contents still reads, the data not.
    const damaged = path.join(work, 'damaged.pgdump');
    const copy = Buffer.from(bytes);
    copy.fill(0, copy.length - 1500, copy.length - 500);
    fs.writeFileSync(damaged, copy);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect(await restoreCommand([truncated, '--force'], config)).toBe(1);
      expect(errors.mock.calls.flat().join('\n')).toMatch(/is not a readable pg_dump archive/);
      errors.mockClear();
      expect(await restoreCommand([damaged, '--force'], config)).toBe(1);
      expect(errors.mock.calls.flat().join('\n')).toMatch(
        /could not be read to the end .*nothing was changed/s,
      );
    } finally {
      errors.mockRestore();
    }
    expect(await pgSnapshot(target.url)).toEqual(before);
    // A PostgreSQL archive is refused for an SQLite configuration.
    expect((await refusal(restoreDatabase(configFor(work), dump))).message).toMatch(/set DATABASE_URL/);
  });

  it('says so clearly when pg_dump is not installed', async () => {
    const saved = process.env.PATH;
    process.env.PATH = path.join(work, 'no-tools');
    try {
      const err = await refusal(backupDatabase(t.ctx.config, { out: path.join(work, 'never.pgdump') }));
      expect(err.message).toMatch(/pg_dump was not found on PATH: install the PostgreSQL client tools/);
    } finally {
      process.env.PATH = saved;
    }
    expect(fs.existsSync(path.join(work, 'never.pgdump'))).toBe(false);
    expect((await verifiedAudit(t.ctx.config)).ok).toBe(true);
  });
});
