import { createHash, randomBytes } from 'node:crypto';
import { verifyPassword } from '../../auth/password.js';
import type { Actor } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import * as repo from './auth.repo.js';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

// A fixed hash to spend the same time on unknown usernames as on known ones (no user enumeration).
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/**
 * Signs a user in and returns an opaque bearer token (only its SHA-256 is stored). After
 * LOGIN_MAX_FAILURES wrong passwords the account is locked for LOGIN_LOCK_MINUTES.
 */
export async function login(
  ctx: AppContext,
  username: string,
  password: string,
): Promise<{ token: string; actor: Actor }> {
  const { db } = ctx.database;
  const now = ctx.now();
  const user = await repo.findUserByUsername(db, username);
  if (!user) {
    await verifyPassword(password, DUMMY_HASH);
    throw new AppError(
      'INVALID_CREDENTIALS',
      'Nama pengguna atau kata sandi salah (wrong username or password).',
    );
  }
  if (user.locked_until && user.locked_until > now.toISOString()) {
    throw new AppError(
      'TOO_MANY_REQUESTS',
      'Terlalu banyak percobaan masuk; coba lagi nanti (too many attempts, try later).',
    );
  }
  const ok = await verifyPassword(password, user.password_hash);
  if (!ok) {
    const failures = user.failed_logins + 1;
    const lock =
      failures >= ctx.config.LOGIN_MAX_FAILURES
        ? new Date(now.getTime() + ctx.config.LOGIN_LOCK_MINUTES * 60_000).toISOString()
        : null;
    await repo.recordLoginFailure(db, user.id, lock ? 0 : failures, lock);
    throw new AppError(
      'INVALID_CREDENTIALS',
      'Nama pengguna atau kata sandi salah (wrong username or password).',
    );
  }
  if (user.disabled) throw new AppError('FORBIDDEN', 'Akun dinonaktifkan (account disabled).');
  if (user.failed_logins > 0 || user.locked_until) await repo.resetLoginFailures(db, user.id);
  const token = randomBytes(32).toString('base64url');
  const expires = new Date(now.getTime() + ctx.config.SESSION_TTL_HOURS * 3_600_000);
  await repo.insertSession(db, hashToken(token), user.id, now.toISOString(), expires.toISOString());
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
