import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { User, UserInput, UserPatch } from '../../../shared/contracts/users.js';
import { appendAudit } from '../../audit/audit.js';
import { hashPassword, passwordProblem } from '../../auth/password.js';
import { type Actor, can, type Role } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import type { UsersTable } from '../../db/schema.js';
import { inTransaction, type Tx } from '../../db/tx.js';
import { AppError, notFound } from '../../errors.js';
import * as agencies from '../agencies/agencies.repo.js';
import * as repo from './users.repo.js';

type UserDto = z.infer<typeof User>;

export function toUserDto(u: Selectable<UsersTable>, counterIds: number[]): UserDto {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role as Role,
    mallId: u.mall_id,
    agencyId: u.agency_id,
    counterIds,
    disabled: u.disabled === 1,
    failedLogins: u.failed_logins,
    lockedUntil: u.locked_until,
  };
}

/** Audit rows never carry the password hash. */
const auditable = (u: Partial<Selectable<UsersTable>>) => {
  const { password_hash: _h, ...rest } = u;
  return rest;
};

/** The mall's staff the actor may see (an agency admin: its own agency's), as the policy decides per row. */
export async function listUsers(ctx: AppContext, actor: Actor, mallId: number): Promise<UserDto[]> {
  const users = (await repo.listUsers(ctx.database.db, mallId)).filter((u) =>
    can(actor, 'users.read', { mallId, agencyId: u.agency_id }),
  );
  const links = await repo.countersOfUsers(
    ctx.database.db,
    users.map((u) => u.id),
  );
  return users.map((u) =>
    toUserDto(
      u,
      links.filter((l) => l.user_id === u.id).map((l) => l.counter_id),
    ),
  );
}

/**
 * Checks the scope of a role grant: agency roles need an agency of this mall; officers' counters must
 * belong to this mall (and to the officer's agency when one is given). An officer given only counters
 * belongs to their agency when they all share one.
 */
async function resolveScope(
  tx: Tx,
  mallId: number,
  role: Role,
  agencyId: number | null,
  counterIds: number[],
) {
  if (role === 'national_admin') {
    if (counterIds.length)
      throw new AppError(
        'UNPROCESSABLE',
        'Admin nasional tidak memegang loket (national admins hold no counters).',
      );
    return { mallId: null, agencyId: null, counterIds: [] as number[] };
  }
  const counters = await repo.countersInMall(tx.db, mallId, [...new Set(counterIds)]);
  if (counters.length !== new Set(counterIds).size) throw notFound('COUNTER_NOT_FOUND', 'Loket');
  let agency = agencyId;
  if (agency == null && role === 'officer') {
    const owners = new Set(counters.map((c) => c.agency_id));
    if (owners.size === 1) agency = [...owners][0] ?? null;
  }
  if (agency != null && !(await agencies.findAgency(tx.db, mallId, agency)))
    throw notFound('AGENCY_NOT_FOUND', 'Instansi');
  if ((role === 'agency_admin' || role === 'back_office') && agency == null) {
    throw new AppError('UNPROCESSABLE', 'Peran ini membutuhkan instansi (this role needs agencyId).');
  }
  if (agencyId != null && counters.some((c) => c.agency_id !== agencyId)) {
    throw new AppError(
      'UNPROCESSABLE',
      'Loket bukan milik instansi ini (counter belongs to another agency).',
    );
  }
  return { mallId, agencyId: agency, counterIds: counters.map((c) => c.id) };
}

export async function createUser(
  ctx: AppContext,
  actor: Actor,
  mallId: number,
  input: z.infer<typeof UserInput>,
) {
  const problem = passwordProblem(input.password);
  if (problem) throw new AppError('VALIDATION_FAILED', problem);
  const passwordHash = await hashPassword(input.password);
  const at = ctx.now().toISOString();
  return inTransaction(ctx.database.db, async (tx) => {
    if (await repo.usernameTaken(tx.db, input.username)) {
      throw new AppError(
        'USERNAME_TAKEN',
        `Nama pengguna "${input.username}" sudah dipakai (username taken).`,
      );
    }
    const scope = await resolveScope(tx, mallId, input.role, input.agencyId ?? null, input.counterIds ?? []);
    if (!can(actor, 'users.manage', { mallId, agencyId: scope.agencyId, role: input.role })) {
      throw new AppError(
        'FORBIDDEN',
        'Anda tidak berwenang memberi peran ini (not allowed to grant this role).',
      );
    }
    const values = {
      username: input.username,
      password_hash: passwordHash,
      display_name: input.displayName ?? input.username,
      role: input.role,
      mall_id: scope.mallId,
      agency_id: scope.agencyId,
      disabled: 0,
      failed_logins: 0,
      locked_until: null,
      created_at: at,
      updated_at: at,
    };
    const id = await repo.insertUser(tx.db, values);
    await repo.setUserCounters(tx.db, mallId, id, scope.counterIds);
    await appendAudit(tx, {
      mallId: scope.mallId,
      actorId: actor.id,
      action: 'user.create',
      entity: 'user',
      entityId: id,
      after: { ...auditable(values), counterIds: scope.counterIds },
      at,
    });
    return toUserDto({ id, ...values }, scope.counterIds);
  });
}

export async function updateUser(
  ctx: AppContext,
  actor: Actor,
  mallId: number,
  id: number,
  patch: z.infer<typeof UserPatch>,
) {
  if (patch.password) {
    const problem = passwordProblem(patch.password);
    if (problem) throw new AppError('VALIDATION_FAILED', problem);
  }
  const passwordHash = patch.password ? await hashPassword(patch.password) : undefined;
  const at = ctx.now().toISOString();
  return inTransaction(ctx.database.db, async (tx) => {
    const before = await repo.findUser(tx.db, id);
    if (!before || before.mall_id !== mallId) throw notFound('USER_NOT_FOUND', 'Pengguna');
    const role = (patch.role ?? before.role) as Role;
    const currentCounters = (await repo.countersOfUsers(tx.db, [id])).map((c) => c.counter_id);
    const scope = await resolveScope(
      tx,
      mallId,
      role,
      patch.agencyId !== undefined ? patch.agencyId : before.agency_id,
      patch.counterIds ?? currentCounters,
    );
    for (const check of [
      { agencyId: before.agency_id, role: before.role as Role },
      { agencyId: scope.agencyId, role },
    ]) {
      if (!can(actor, 'users.manage', { mallId, ...check })) {
        throw new AppError('FORBIDDEN', 'Anda tidak berwenang mengubah pengguna ini (not allowed).');
      }
    }
    const set = {
      ...(passwordHash && { password_hash: passwordHash }),
      ...(patch.displayName !== undefined && { display_name: patch.displayName }),
      ...(patch.disabled !== undefined && { disabled: patch.disabled ? 1 : 0 }),
      role,
      mall_id: scope.mallId,
      agency_id: scope.agencyId,
      updated_at: at,
    };
    await repo.updateUser(tx.db, id, set);
    await repo.setUserCounters(tx.db, mallId, id, scope.counterIds);
    if (patch.disabled || passwordHash) await repo.deleteSessionsOf(tx.db, id);
    const action = patch.disabled === true ? 'user.disable' : 'user.update';
    await appendAudit(tx, {
      mallId,
      actorId: actor.id,
      action,
      entity: 'user',
      entityId: id,
      before: { ...auditable(before), counterIds: currentCounters },
      after: {
        ...auditable({ ...before, ...set }),
        counterIds: scope.counterIds,
        passwordChanged: Boolean(passwordHash),
      },
      at,
    });
    return toUserDto({ ...before, ...set }, scope.counterIds);
  });
}

/**
 * A mall admin lifts an account's sign-in delay (after wrong passwords) at once: the failure count
 * and delay are cleared, audited as user.unlock.
 */
export async function unlockUser(ctx: AppContext, actor: Actor, mallId: number, id: number) {
  const at = ctx.now().toISOString();
  return inTransaction(ctx.database.db, async (tx) => {
    const before = await repo.findUser(tx.db, id);
    if (!before || before.mall_id !== mallId) throw notFound('USER_NOT_FOUND', 'Pengguna');
    if (!can(actor, 'users.unlock', { mallId, agencyId: before.agency_id, role: before.role as Role }))
      throw new AppError('FORBIDDEN', 'Hanya admin mal yang dapat membuka akun (mall admins only).');
    const set = { failed_logins: 0, locked_until: null };
    await repo.updateUser(tx.db, id, set);
    await appendAudit(tx, {
      mallId,
      actorId: actor.id,
      action: 'user.unlock',
      entity: 'user',
      entityId: id,
      before: { failedLogins: before.failed_logins, lockedUntil: before.locked_until },
      after: { failedLogins: 0, lockedUntil: null },
      at,
    });
    const counters = (await repo.countersOfUsers(tx.db, [id])).map((c) => c.counter_id);
    return toUserDto({ ...before, ...set }, counters);
  });
}
