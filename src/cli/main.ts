import { verifyAudit } from '../server/audit/audit.js';
import { loadConfig } from '../server/config.js';
import { openDatabase } from '../server/db/database.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { serve } from '../server/main.js';
import { seedDemoMall } from '../server/seed/demo.js';

const HELP = `satu-atap <command>

  serve          start the server (PORT, HOST, DATA_DIR, DATABASE_URL …; see .env.example)
  migrate        run database migrations
  seed           seed the demo mall into an empty database
  audit-verify   check the hash chain of the audit log; exits 1 when a row was edited or deleted
`;

async function main(): Promise<void> {
  const [command] = process.argv.slice(2);
  if (command === 'serve' || command === undefined) return serve();
  const config = loadConfig();
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
        const logins = await seedDemoMall(database, config.SATU_ATAP_DEMO_PASSWORD);
        console.log(`seeded demo mall; logins: ${logins.map((l) => l.username).join(', ')}`);
        break;
      }
      case 'audit-verify': {
        await migrateToLatest(database);
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
