import path from 'node:path';
import { z } from 'zod';
import { pgUrlProblem } from './db/multi-host.js';

const httpUrl = z
  .string()
  .url()
  .regex(/^https?:\/\//, 'must start with http:// or https://');
const headerName = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'must be an HTTP header name');
/** A gateway body template must be JSON once its placeholders are filled. */
const bodyTemplate = z.string().refine((t) => {
  try {
    JSON.parse(t.replace(/\{\{(to|to_digits|text)\}\}/g, 'x'));
    return true;
  } catch {
    return false;
  }
}, 'must be JSON with {{to}}, {{to_digits}} and {{text}} inside strings, e.g. {"target":"{{to_digits}}","message":"{{text}}"}');

/**
 * Configuration is parsed once at boot from the environment. Every problem is listed at once so an
 * operator fixes them in one go instead of one restart per mistake.
 */
const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL (leave unset for embedded SQLite)')
    .superRefine((url, ctx) => {
      // Several hosts (a primary and its standbys) with target_session_attrs: see db/multi-host.ts.
      const problem = /^postgres(ql)?:\/\//.test(url) ? pgUrlProblem(url) : undefined;
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .optional(),
  SQLITE_SYNCHRONOUS: z.enum(['NORMAL', 'FULL']).default('NORMAL'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SATU_ATAP_DEMO_PASSWORD: z.string().min(6).default('demo1234'),
  SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
  SESSION_TTL_HOURS: z.coerce.number().int().positive().default(12),
  /** Wrong passwords in a row before an account gets a delay. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  /** The first delay in seconds; it doubles with each further wrong password… */
  LOGIN_DELAY_SECONDS: z.coerce.number().int().positive().default(30),
  /** …up to this many minutes (never a hard lock; a mall admin can unlock at once). */
  LOGIN_LOCK_MINUTES: z.coerce.number().int().positive().default(15),
  /** Failed sign-ins one client address may make per window before it must wait. */
  LOGIN_ADDRESS_MAX_FAILURES: z.coerce.number().int().positive().default(10),
  LOGIN_ADDRESS_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
  /** Requests per minute per address for anonymous writes (staff and paired devices are exempt). */
  RATE_LIMIT_ANONYMOUS_WRITES: z.coerce.number().int().positive().default(30),
  /**
   * Proxies whose X-Forwarded-For is believed, comma-separated addresses or CIDRs (e.g.
   * "127.0.0.1,10.0.0.0/8"; also "loopback", "uniquelocal"). Empty: none, the client address is the
   * TCP peer, so a forged header cannot dodge the per-address limits.
   */
  TRUST_PROXY: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    ),
  WEB_DIST: z.string().default('dist/web'),
  /** The address printed in QR codes and links (e.g. http://192.168.1.10:3000); see public-url.ts. */
  PUBLIC_URL: z
    .string()
    .url()
    .regex(/^https?:\/\//, 'must start with http:// or https://')
    .optional(),
  /** Serve HTTPS directly with these PEM files (both or neither); or put a reverse proxy in front. */
  TLS_CERT_FILE: z.string().min(1).optional(),
  TLS_KEY_FILE: z.string().min(1).optional(),
  /** Live events older than this are pruned; a stream resuming from before then gets a reset. */
  LIVE_EVENTS_RETENTION_HOURS: z.coerce.number().positive().default(48),
  /** Last-Event-ID resumes replay at most this many events exactly; further behind → reset. */
  LIVE_RESUME_WINDOW: z.coerce.number().int().min(1).max(100_000).default(1000),
  /**
   * Web Push: the contact push services see in the VAPID token ("mailto:ops@…" or "https://…").
   * Unset: MAIL_FROM's address, else PUBLIC_URL when it is https (see push.service.ts).
   */
  PUSH_SUBJECT: z
    .string()
    .regex(/^(mailto:\S+@\S+|https:\/\/\S+)$/, 'must be mailto:someone@example.id or an https:// URL')
    .optional(),
  /**
   * Hosts (and their subdomains) a push subscription's endpoint may name, comma-separated: the
   * browsers' push services. Anything else is refused, so a subscription cannot make the server
   * post to an address of its choosing.
   */
  PUSH_ENDPOINT_HOSTS: z
    .string()
    .default(
      'fcm.googleapis.com,android.googleapis.com,updates.push.services.mozilla.com,push.services.mozilla.com,web.push.apple.com,notify.windows.com',
    )
    .transform((v) =>
      v
        .split(',')
        .map((x) => x.trim().toLowerCase())
        .filter(Boolean),
    ),
  /** Booking requests per minute per client address (citizens behind one mall or carrier address). */
  RATE_LIMIT_BOOKINGS: z.coerce.number().int().positive().default(120),
  /** The outbox worker looks for due messages (retries, other nodes' messages) this often. */
  OUTBOX_POLL_MS: z.coerce.number().int().min(10).max(600_000).default(1000),
  /** A node holds a claimed message this long; one that died mid-send releases it by expiry. */
  OUTBOX_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** Tries before a message is marked failed. */
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  /** One send (HTTP gateway, SMTP, push) gives up after this long and is retried. */
  OUTBOX_SEND_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** Phone numbers and e-mail addresses of finished messages are erased after this many days. */
  OUTBOX_ADDRESS_RETENTION_DAYS: z.coerce.number().min(0).max(3650).default(7),
  /** Finished messages (sent, failed, cancelled) and their delivery log are deleted this many days after they were queued. */
  OUTBOX_RETENTION_DAYS: z.coerce.number().min(1).max(3650).default(30),
  /** WhatsApp through an HTTP gateway (see docs/notifications.md); unset: WhatsApp messages wait. */
  WHATSAPP_GATEWAY_URL: httpUrl.optional(),
  WHATSAPP_GATEWAY_TOKEN: z.string().min(1).optional(),
  /** A JSON body template with {{to}}, {{to_digits}}, {{text}}; default {"to":"{{to}}","text":"{{text}}"}. */
  WHATSAPP_GATEWAY_BODY: bodyTemplate.optional(),
  /** Send the token raw in this header instead of `Authorization: Bearer <token>`. */
  WHATSAPP_GATEWAY_AUTH_HEADER: headerName.optional(),
  /** json (default) or form: the filled body's fields sent as application/x-www-form-urlencoded. */
  WHATSAPP_GATEWAY_FORMAT: z.enum(['json', 'form']).default('json'),
  SMS_GATEWAY_URL: httpUrl.optional(),
  SMS_GATEWAY_TOKEN: z.string().min(1).optional(),
  SMS_GATEWAY_BODY: bodyTemplate.optional(),
  SMS_GATEWAY_AUTH_HEADER: headerName.optional(),
  SMS_GATEWAY_FORMAT: z.enum(['json', 'form']).default('json'),
  /** E-mail: smtp://user:pass@host:port (smtps:// for TLS from the start); unset: e-mails wait. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  /** The sender of e-mails, e.g. "MPP Kabupaten Demo <mpp@demo.go.id>" (needed with SMTP_URL). */
  MAIL_FROM: z.string().min(3).optional(),
  /** 32 bytes, base64: the key that encrypts NIKs at rest (unset: one is made and kept in the database). */
  PERSONAL_DATA_KEY: z
    .string()
    .refine(
      (v) => Buffer.from(v, 'base64').length === 32,
      'must be 32 bytes in base64 (openssl rand -base64 32)',
    )
    .optional(),
  /** PKCS#12 file (certificate + key) that signs issued documents; unset: a demo certificate (not in production). */
  SIGNING_P12_PATH: z.string().min(1).optional(),
  SIGNING_P12_PASSPHRASE: z.string().optional(),
  /** A webhook subscription is switched off after this many messages in a row failed for good. */
  WEBHOOK_DISABLE_AFTER: z.coerce.number().int().min(1).default(5),
  /** Tries per webhook message before it counts as failed (back-off as the outbox's). */
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(8),
});

export type Config = z.infer<typeof ConfigSchema> & { sqlitePath: string };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses the environment (or the given record) into a Config, listing every problem found. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ConfigSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  if (Boolean(parsed.data.TLS_CERT_FILE) !== Boolean(parsed.data.TLS_KEY_FILE))
    throw new ConfigError(['TLS_CERT_FILE and TLS_KEY_FILE: set both (HTTPS) or neither (HTTP)']);
  return { ...parsed.data, sqlitePath: path.resolve(parsed.data.DATA_DIR, 'satu-atap.sqlite') };
}
