import { type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { Database } from './database.js';
import * as m001 from './migrations/001_foundation.js';
import * as m002 from './migrations/002_queue.js';
import * as m003 from './migrations/003_queue_indexes.js';
import * as m004 from './migrations/004_eta_indexes.js';
import * as m005 from './migrations/005_devices.js';
import * as m006 from './migrations/006_national_calendar.js';
import * as m008 from './migrations/008_live_event_pruning.js';
import * as m010 from './migrations/010_announcements.js';
import * as m010b from './migrations/010_display_audio.js';
import * as m011 from './migrations/011_outbox.js';
import * as m012 from './migrations/012_message_templates.js';
import * as m013 from './migrations/013_webhooks.js';
import * as m014 from './migrations/014_ticket_notifications.js';
import * as m015 from './migrations/015_push.js';
import * as m016 from './migrations/016_bookings.js';
import * as m020 from './migrations/020_applications.js';
import * as m021 from './migrations/021_payments.js';
import * as m022 from './migrations/022_documents.js';
import * as m025 from './migrations/025_complaints.js';
import * as m028 from './migrations/028_surveys.js';
import * as m030 from './migrations/030_mall_opening.js';
import * as m031 from './migrations/031_agreements.js';
import * as m032 from './migrations/032_coverage.js';
import * as m033 from './migrations/033_candidates.js';
import * as m035 from './migrations/035_report_rollups.js';
import * as m036 from './migrations/036_report_day_cells.js';
import * as m038 from './migrations/038_attendance.js';
import * as m041 from './migrations/041_privacy_retention.js';
import * as m042 from './migrations/042_personal_data_reads.js';
import * as m045 from './migrations/045_eta_service_index.js';
import type { MigrationContext } from './migrations/helpers.js';

/** Numbered, committed, never edited once landed; the same set runs on SQLite and PostgreSQL. */
const MIGRATIONS: Record<string, { up(ctx: MigrationContext): Promise<void> }> = {
  '001_foundation': m001,
  '002_queue': m002,
  '003_queue_indexes': m003,
  '004_eta_indexes': m004,
  '005_devices': m005,
  '006_national_calendar': m006,
  '008_live_event_pruning': m008,
  '010_announcements': m010,
  '010_display_audio': m010b,
  '011_outbox': m011,
  '012_message_templates': m012,
  '013_webhooks': m013,
  '014_ticket_notifications': m014,
  '015_push': m015,
  '020_applications': m020,
  '021_payments': m021,
  '022_documents': m022,
  '025_complaints': m025,
  '028_surveys': m028,
  '030_mall_opening': m030,
  '031_agreements': m031,
  '032_coverage': m032,
  '033_candidates': m033,
  '016_bookings': m016,
  '038_attendance': m038,
  '035_report_rollups': m035,
  '036_report_day_cells': m036,
  '041_privacy_retention': m041,
  '042_personal_data_reads': m042,
  '045_eta_service_index': m045,
};

/** Every migration this version knows (a backup that ran others was made by a newer version). */
export const migrationNames = (): string[] => Object.keys(MIGRATIONS);

export async function migrateToLatest(database: Database): Promise<string[]> {
  const provider: MigrationProvider = {
    async getMigrations() {
      const out: Record<string, Migration> = {};
      for (const [name, m] of Object.entries(MIGRATIONS)) {
        out[name] = { up: (db) => m.up({ db, dialect: database.dialect }) };
      }
      return out;
    },
  };
  // Numbers are handed out per feature and land in any order; a database that already ran 010 must still
  // accept 005 when it lands later.
  const migrator = new Migrator({ db: database.db, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
