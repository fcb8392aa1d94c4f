import pino, { type Logger } from 'pino';
import { maskPersonalNumbers } from '../shared/domain/mask-personal.js';
import type { Config } from './config.js';
import type { AppContext } from './context.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { EventHub, localBridge } from './events/hub.js';
import { pgBridge } from './events/pg-bridge.js';
import { anyMall } from './modules/malls/malls.repo.js';
import { QueueIndex } from './modules/queue/queue-index.js';
import { type DemoLogin, seedDemoMall } from './seed/demo.js';

/** Personal data and secrets never reach a log line. */
export const LOG_REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'password',
  '*.password',
  '*.nik',
  '*.phone',
  '*.token',
];

/**
 * Logger options shared by the server and the CLI: secrets redacted by path, and every NIK- or
 * phone-like number masked in the finished line (URLs, search queries, error messages, free text).
 */
export const LOG_OPTIONS = {
  redact: { paths: LOG_REDACT, censor: '[redacted]' },
  hooks: { streamWrite: maskPersonalNumbers },
};

export function createLogger(config: Config): Logger {
  return pino({ level: config.LOG_LEVEL, ...LOG_OPTIONS });
}

/**
 * config → database → migrations → demo seed (empty database only, never in production) → event hub.
 * Shared by `satu-atap serve` and the tests, so both run the very same start-up.
 */
export async function bootContext(
  config: Config,
  log: Logger,
  opts: { seed?: boolean; now?: () => Date } = {},
): Promise<{ ctx: AppContext; demoLogins: DemoLogin[] | null }> {
  const database = openDatabase({
    databaseUrl: config.DATABASE_URL,
    sqlitePath: config.sqlitePath,
    sqliteSynchronous: config.SQLITE_SYNCHRONOUS,
    log,
  });
  await migrateToLatest(database);
  let demoLogins: DemoLogin[] | null = null;
  if (opts.seed !== false && config.SEED_DEMO === 'auto')
    demoLogins = await seedIfEmpty(config, database, log);
  const bridge =
    database.dialect === 'postgres' && database.hosts
      ? pgBridge(database.hosts, database.db, log)
      : localBridge;
  const now = opts.now ?? (() => new Date());
  const hub = new EventHub(database.db, bridge, log, {
    now,
    resumeWindow: config.LIVE_RESUME_WINDOW,
    retentionHours: config.LIVE_EVENTS_RETENTION_HOURS,
  });
  const queueIndex = new QueueIndex(database.db, bridge.lossy, log);
  // Other nodes' commits (NOTIFY) and the safety poll move this node's index forward too.
  hub.onNotify((mallId) =>
    mallId === null ? queueIndex.syncAll() : void queueIndex.sync(mallId).catch(() => {}),
  );
  await hub.start();
  return { ctx: { config, database, hub, queueIndex, log, now }, demoLogins };
}

async function seedIfEmpty(config: Config, database: Awaited<ReturnType<typeof openDatabase>>, log: Logger) {
  if (await anyMall(database.db)) return null;
  if (config.NODE_ENV === 'production') {
    log.warn('empty database: demo seeding is refused when NODE_ENV=production; create a mall with the CLI');
    return null;
  }
  try {
    return await seedDemoMall(database, config.SATU_ATAP_DEMO_PASSWORD);
  } catch (err) {
    // Two nodes starting together on one PostgreSQL: the second loses the race on malls.slug; fine.
    if (await anyMall(database.db)) return null;
    throw err;
  }
}
