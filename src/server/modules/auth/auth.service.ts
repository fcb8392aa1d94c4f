import { createHash, randomBytes } from 'node:crypto';
import { appendAudit } from '../../audit/audit.js';
import { verifyPassword } from '../../auth/password.js';
import type { Actor } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { inTransaction } from '../../db/tx.js';
import { AppError } from '../../errors.js';
import * as repo from './auth.repo.js';
import { accountDelaySeconds, addressThrottle, loginDelayed, loginThrottled } from './login-limits.js';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

// A fixed hash to spend the same time on unknown usernames as on known ones (no user enumeration).
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

const wrongCredentials = () =>
  new AppError('INVALID_CREDENTIALS', 'Nama pengguna atau kata sandi salah (wrong username or password).');

/**
 * Signs a user in and returns an opaque bearer token (only its SHA-256 is stored).
 * Two brakes: the client address is refused for a while after LOGIN_ADDRESS_MAX_FAILURES failures
 * (429 LOGIN_THROTTLED), and an account gets a growing delay after repeated wrong passwords
 * (429 LOGIN_DELAYED, see accountDelaySeconds) instead of a hard lock; a mall admin can unlock it.
 * Sign-ins, failures and delays are audited (the address, never the password or an unknown name).
 */
export async function login(
  ctx: AppContext,
  username: string,
  password: string,
  address: string,
): Promise<{ token: string; actor: Actor }> {
  const { db } = ctx.database;
  const now = ctx.now();
  const at = now.toISOString();
  const throttle = addressThrottle(ctx);
  const wait = throttle.retryAfter(address, now.getTime());
  if (wait > 0) throw loginThrottled(wait);
  const user = await repo.findUserByUsername(db, username);
  if (!user) {
    await verifyPassword(password, DUMMY_HASH);
    throttle.fail(address, now.getTime());
    await inTransaction(db, (tx) =>
      appendAudit(tx, {
        mallId: null,
        actorId: null,
        action: 'auth.login_failed',
        entity: 'user',
        entityId: '',
        after: { reason: 'unknown_user', address },
        at,
      }),
    );
    throw wrongCredentials();
  }
  if (user.locked_until && user.locked_until > at) {
    throw loginDelayed(Math.max(1, Math.ceil((Date.parse(user.locked_until) - now.getTime()) / 1000)));
  }
  const ok = await verifyPassword(password, user.password_hash);
  if (!ok) {
    throttle.fail(address, now.getTime());
    const failures = user.failed_logins + 1;
    const delay = accountDelaySeconds(ctx.config, failures);
    const until = delay > 0 ? new Date(now.getTime() + delay * 1000).toISOString() : null;
    await inTransaction(db, async (tx) => {
      await repo.recordLoginFailure(tx.db, user.id, failures, until);
      await appendAudit(tx, {
        mallId: user.mall_id,
        actorId: null,
        action: until ? 'auth.lockout' : 'auth.login_failed',
        entity: 'user',
        entityId: user.id,
        after: { failures, address, ...(until && { lockedUntil: until, delaySeconds: delay }) },
        at,
      });
    });
    throw wrongCredentials();
  }
  if (user.disabled) throw new AppError('FORBIDDEN', 'Akun dinonaktifkan (account disabled).');
  const token = randomBytes(32).toString('base64url');
  const expires = new Date(now.getTime() + ctx.config.SESSION_TTL_HOURS * 3_600_000);
  await inTransaction(db, async (tx) => {
    if (user.failed_logins > 0 || user.locked_until) await repo.resetLoginFailures(tx.db, user.id);
    await repo.insertSession(tx.db, hashToken(token), user.id, at, expires.toISOString());
    await appendAudit(tx, {
      mallId: user.mall_id,
      actorId: user.id,
      action: 'auth.login',
      entity: 'user',
      entityId: user.id,
      after: { address },
      at,
    });
  });
  const actor = await repo.loadActor(db, user.id);
  if (!actor) throw new AppError('FORBIDDEN', 'Akun dinonaktifkan (account disabled).');
  return { token, actor };
}

/** Resolves a bearer token to its actor, or null when unknown, expired or disabled. */
export async function authenticate(ctx: AppContext, token: string): Promise<Actor | null> {
  if (token.length < 20 || token.length > 200) return null;
  const session = await repo.findSession(ctx.database.db, hashToken(token));
  if (!session || session.expires_at <= ctx.now().toISOString()) return null;
  return repo.loadActor(ctx.database.db, session.user_id);
}

export async function logout(ctx: AppContext, token: string): Promise<void> {
  await repo.deleteSession(ctx.database.db, hashToken(token));
}

/**
 * Expired sessions are of no use (authenticate refuses them) but each sign-in adds one: deleted
 * hourly, so the table holds about SESSION_TTL_HOURS of sign-ins. Returns how many went.
 */
export function deleteExpiredSessions(ctx: AppContext): Promise<number> {
  return repo.deleteExpiredSessions(ctx.database.db, ctx.now().toISOString());
}

/** At start-up, then hourly; returns the function that stops it. Idempotent on any number of nodes. */
export function startSessionPruning(ctx: AppContext, everyMs = 3_600_000): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = running
      .then(() => deleteExpiredSessions(ctx))
      .catch((err: unknown) =>
        ctx.log.warn({ err }, 'auth: deleting expired sessions failed; next hour again'),
      );
  };
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
