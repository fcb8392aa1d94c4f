import type { AppContext } from '../../context.js';
import { lookupHash, open, seal } from '../applications/personal-data.js';

/**
 * How a booking keeps the NIK: the installation's one personal-data key (PERSONAL_DATA_KEY, else a
 * generated one in `installation_secrets`; see applications/personal-data.ts) gives a keyed hash
 * (HMAC-SHA-256: "the same NIK" for the one-booking, daily-cap and no-show rules, without storing
 * it) and an AES-256-GCM ciphertext (read in full by authorised staff only, audited).
 */
export const nikHash = (ctx: AppContext, nik: string) => lookupHash(ctx, nik);
export const encryptNik = (ctx: AppContext, nik: string) => seal(ctx, nik);
export const decryptNik = (ctx: AppContext, cipher: string) => open(ctx, cipher);
