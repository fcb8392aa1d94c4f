import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config.js';

// Commands import what they need when they run: `satu-atap backup` from cron does not load the
// web server, the PDF and spreadsheet libraries (about half the start-up time under tsx).

const HELP = `satu-atap <command>

  serve          start the server (PORT, HOST, DATA_DIR, DATABASE_URL …; see .env.example)
  migrate        run database migrations
  seed           seed the demo mall into an empty database
  audit-verify   check the hash chain of the audit log; exits 1 when a row was edited or deleted
  backup [--out FILE]
                 copy the database while the server runs (SQLite: online backup API; PostgreSQL:
                 pg_dump --format=custom); default DATA_DIR/backups/satu-atap-<UTC time>.sqlite|pgdump
  restore FILE [--force]
                 stop the server first; replace the database with a backup (refused when the
                 database is in use, or not empty without --force), then verify the audit chain;
                 exits 1 on a damaged file or a broken chain, 2 when refused (docs/operations.md)
  import FILE --mall SLUG [--dry-run]
                 import agencies and services from a CSV or XLSX file (all rows or none);
                 exits 1 when the file has errors, 2 on an unknown mall or unreadable file
  simulate --mall ID [--days N] [--seed S] [--date YYYY-MM-DD] [--out FILE] [--scenario FILE]
                 build one of the five seed malls (scenarios/seed-malls.json, or FILE) at its
                 reported size on a fresh database and play whole days through the API;
                 prints a summary, writes the JSON report to FILE
  calendar-import FILE [--dry-run]
                 import national holidays and cuti bersama (columns tanggal, jenis, nama,
                 dasar hukum) from a CSV or XLSX file; exits 1 on errors, 2 on an unreadable file
`;

/** `satu-atap calendar-import FILE [--dry-run]`: the national calendar, as the deployment itself. */
async function calendarImportCommand(args: string[]): Promise<number> {
  const usage = 'usage: satu-atap calendar-import FILE [--dry-run]';
  let parsed: { values: { 'dry-run'?: boolean }; positionals: string[] };
  try {
    parsed = parseArgs({
      args,
      options: { 'dry-run': { type: 'boolean', default: false } },
      allowPositionals: true,
    });
  } catch (err) {
    console.error(`${(err as Error).message}\n${usage}`);
    return 2;
  }
  const [file] = parsed.positionals;
  if (!file || parsed.positionals.length > 1) {
    console.error(usage);
    return 2;
  }
  const { default: pino } = await import('pino');
  const { bootContext, LOG_OPTIONS } = await import('../server/boot.js');
  const { runCalendarImportCli } = await import('../server/modules/calendar/national.cli.js');
  const log = pino({ level: 'warn', ...LOG_OPTIONS }, pino.destination(2));
  const { ctx } = await bootContext(loadConfig(), log, { seed: false });
  try {
    return await runCalendarImportCli(ctx, file, parsed.values['dry-run'] === true);
  } finally {
    await ctx.hub.stop().catch(() => {});
    await ctx.database.close().catch(() => {});
  }
}

/** `satu-atap import FILE --mall SLUG [--dry-run]`: boots like the server (no demo seed), then closes. */
async function importCommand(args: string[]): Promise<number> {
  const usage = 'usage: satu-atap import FILE --mall SLUG [--dry-run]';
  let parsed: { values: { mall?: string; 'dry-run'?: boolean }; positionals: string[] };
  try {
    parsed = parseArgs({
      args,
      options: { mall: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
      allowPositionals: true,
    });
  } catch (err) {
    console.error(`${(err as Error).message}\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [file] = positionals;
  if (!file || !values.mall || positionals.length > 1) {
    console.error(usage);
    return 2;
  }
  const config = loadConfig();
  const { default: pino } = await import('pino');
  const { bootContext, LOG_OPTIONS } = await import('../server/boot.js');
  const { runImportCli } = await import('../server/modules/imports/imports.cli.js');
  // Logs go to stderr so that stdout holds only the report.
  const log = pino({ level: 'warn', ...LOG_OPTIONS }, pino.destination(2));
  const { ctx } = await bootContext(config, log, { seed: false });
  try {
    return await runImportCli(ctx, values.mall, file, values['dry-run'] === true);
  } finally {
    await ctx.hub.stop().catch(() => {});
    await ctx.database.close().catch(() => {});
  }
}

async function main(): Promise<void> {
  const [command] = process.argv.slice(2);
  if (command === 'serve' || command === undefined) return (await import('../server/main.js')).serve();
  if (command === 'import') {
    process.exitCode = await importCommand(process.argv.slice(3));
    return;
  }
  if (command === 'simulate') {
    const { simulateCommand } = await import('../sim/cli.js');
    process.exitCode = await simulateCommand(process.argv.slice(3));
    return;
  }
  if (command === 'backup' || command === 'restore') {
    const ops = await import('../server/ops/backup.js');
    const run = command === 'backup' ? ops.backupCommand : ops.restoreCommand;
    process.exitCode = await run(process.argv.slice(3), loadConfig());
    return;
  }
  if (command === 'calendar-import') {
    process.exitCode = await calendarImportCommand(process.argv.slice(3));
    return;
  }
  const config = loadConfig();
  const { openDatabase } = await import('../server/db/database.js');
  const { migrateToLatest } = await import('../server/db/migrate.js');
  const database = openDatabase({ databaseUrl: config.DATABASE_URL, sqlitePath: config.sqlitePath });
  try {
    switch (command) {
      case 'migrate': {
        const ran = await migrateToLatest(database);
        console.log(ran.length ? `migrated: ${ran.join(', ')}` : 'database is up to date');
        break;
      }
      case 'seed': {
        await migrateToLatest(database);
        if (config.NODE_ENV === 'production')
          throw new Error('demo seeding is refused when NODE_ENV=production');
        const { seedDemoMall } = await import('../server/seed/demo.js');
        const logins = await seedDemoMall(database, config.SATU_ATAP_DEMO_PASSWORD);
        console.log(`seeded demo mall; logins: ${logins.map((l) => l.username).join(', ')}`);
        break;
      }
      case 'audit-verify': {
        await migrateToLatest(database);
        const { verifyAudit } = await import('../server/audit/audit.js');
        const r = await verifyAudit(database.db);
        console.log(
          r.ok
            ? `audit log intact: ${r.rows} rows in ${r.chains} chains`
            : `AUDIT LOG TAMPERED:\n${r.problems.join('\n')}`,
        );
        process.exitCode = r.ok ? 0 : 1;
        break;
      }
      default:
        console.log(HELP);
        process.exitCode = command === 'help' || command === '--help' ? 0 : 2;
    }
  } finally {
    await database.close().catch(() => {});
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
