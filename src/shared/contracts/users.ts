import { z } from 'zod';

export const RoleEnum = z.enum([
  'national_admin',
  'mall_admin',
  'agency_admin',
  'back_office',
  'officer',
  'auditor',
]);

export const User = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: RoleEnum,
  mallId: z.number().nullable(),
  agencyId: z.number().nullable(),
  counterIds: z.array(z.number()),
  disabled: z.boolean(),
  /** Wrong passwords in a row, and until when sign-in is delayed (null: not delayed). */
  failedLogins: z.number().int(),
  lockedUntil: z.string().nullable(),
});

export const UserInput = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-zA-Z0-9._-]{3,64}$/, '3–64 letters, digits, dot, dash or underscore'),
  password: z.string().min(1).max(200),
  displayName: z.string().trim().min(1).max(120).optional(),
  role: RoleEnum,
  agencyId: z.coerce.number().int().positive().nullable().optional(),
  counterIds: z.array(z.coerce.number().int().positive()).max(100).optional(),
});

export const UserPatch = z.object({
  password: z.string().min(1).max(200).optional(),
  displayName: z.string().trim().min(1).max(120).optional(),
  role: RoleEnum.optional(),
  agencyId: z.coerce.number().int().positive().nullable().optional(),
  counterIds: z.array(z.coerce.number().int().positive()).max(100).optional(),
  disabled: z.boolean().optional(),
});

export const LoginInput = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(200),
});
export const LoginResult = z.object({ token: z.string(), user: User });
