import { AddressThrottle } from '../../auth/address-throttle.js';
import type { Config } from '../../config.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';

/** One failed-login throttle per app (per node), created on first use. */
const throttles = new WeakMap<AppContext, AddressThrottle>();
export function addressThrottle(ctx: AppContext): AddressThrottle {
  let t = throttles.get(ctx);
  if (!t) {
    t = new AddressThrottle(
      ctx.config.LOGIN_ADDRESS_MAX_FAILURES,
      ctx.config.LOGIN_ADDRESS_WINDOW_MINUTES * 60_000,
    );
    throttles.set(ctx, t);
  }
  return t;
}

/**
 * The account's delay after `failures` consecutive wrong passwords, in seconds: none for the first
 * LOGIN_MAX_FAILURES − 1, then LOGIN_DELAY_SECONDS doubling with each further failure, capped at
 * LOGIN_LOCK_MINUTES. A stranger can slow an account down but never lock it for long, and the
 * address throttle caps how fast one address can push the delay up.
 */
export function accountDelaySeconds(config: Config, failures: number): number {
  if (failures < config.LOGIN_MAX_FAILURES) return 0;
  const grown = config.LOGIN_DELAY_SECONDS * 2 ** Math.min(failures - config.LOGIN_MAX_FAILURES, 20);
  return Math.min(grown, config.LOGIN_LOCK_MINUTES * 60);
}

/** "30 detik" / "2 menit" and its English twin, for a message that says how long to wait. */
export function waitText(seconds: number): { id: string; en: string } {
  if (seconds < 90) return { id: `${seconds} detik`, en: `${seconds} seconds` };
  const m = Math.ceil(seconds / 60);
  return { id: `${m} menit`, en: `${m} minutes` };
}

export function loginThrottled(seconds: number): AppError {
  const w = waitText(seconds);
  return new AppError(
    'LOGIN_THROTTLED',
    `Terlalu banyak percobaan masuk yang gagal dari alamat ini. Coba lagi dalam ${w.id} (too many failed sign-ins from this address; try again in ${w.en}).`,
    { retryAfterSeconds: seconds },
  );
}

export function loginDelayed(seconds: number): AppError {
  const w = waitText(seconds);
  return new AppError(
    'LOGIN_DELAYED',
    `Akun ini ditahan sementara setelah beberapa kata sandi salah. Coba lagi dalam ${w.id}, atau minta admin mal membukanya (account delayed after wrong passwords; try again in ${w.en} or ask a mall admin to unlock it).`,
    { retryAfterSeconds: seconds },
  );
}
