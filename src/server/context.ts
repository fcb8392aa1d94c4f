import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import type { EventHub } from './events/hub.js';
import type { QueueIndex } from './modules/queue/queue-index.js';

/** Everything a service function needs, built once in buildApp() and passed down explicitly. */
export interface AppContext {
  config: Config;
  database: Database;
  hub: EventHub;
  /** Waiting lines in memory: positions and ETAs without reading the waiting group. */
  queueIndex: QueueIndex;
  log: Logger;
  /** The clock; tests replace it to move through days and opening hours. */
  now: () => Date;
}
