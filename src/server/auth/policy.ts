import type { z } from 'zod';
import type { ApiScopeName } from '../../shared/contracts/integrations.js';
import { type PermissionScope, PolicyAction } from '../../shared/contracts/users.js';
/**
 * Every authorization decision goes through `can()`: routes declare the action they perform
 * (`config.action`), services ask for the resource-level check, and the web asks `GET /auth/me`
 * for the actor's `permissions()` rather than repeating role rules. Roles are scoped:
 * national_admin (all malls), mall_admin (one mall), agency_admin and back_office (one agency in one
 * mall), officer (assigned counters), auditor (read-only over one mall, or all malls when not bound
 * to one). An anonymous caller (citizen, unpaired screen) is `null`.
 */
export const ROLES = [
  'national_admin',
  'mall_admin',
  'agency_admin',
  'back_office',
  'officer',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

/** Staff roles, plus 'integrator': a program calling with an API key of one mall (never a user). */
export type ActorRole = Role | 'integrator';

export interface Actor {
  /** The user's id; 0 for an integrator (audit rows name its API key instead). */
  id: number;
  username: string;
  role: ActorRole;
  mallId: number | null;
  agencyId: number | null;
  counterIds: number[];
  /** Integrators only: the API key and the scopes it was issued with. */
  apiKeyId?: number;
  scopes?: readonly ApiScopeName[];
}

/** Who is asking: a signed-in actor, or null for an anonymous caller. */
export type Subject = Actor | null;

export const ACTIONS = PolicyAction.options;
export type Action = (typeof ACTIONS)[number];

export interface Resource {
  mallId: number;
  /** The agency the resource belongs to; undefined when the check is about the mall as a whole. */
  agencyId?: number | null;
  counterId?: number;
  /** For users.manage: the role being granted. */
  role?: Role;
  /** For ticket.issue: where the ticket comes from (kiosk, online, counter). */
  source?: string;
}

const inMall = (a: Actor, r: Resource) => a.role === 'national_admin' || a.mallId === r.mallId;
const isMallAdmin = (a: Actor, r: Resource) =>
  a.role === 'national_admin' || (a.role === 'mall_admin' && a.mallId === r.mallId);
const isAgencyAdmin = (a: Actor, r: Resource) =>
  a.role === 'agency_admin' && a.mallId === r.mallId && r.agencyId != null && a.agencyId === r.agencyId;
const isBackOffice = (a: Actor, r: Resource) =>
  a.role === 'back_office' && a.mallId === r.mallId && r.agencyId != null && a.agencyId === r.agencyId;
/** An officer at one of its own counters (the counter the application is filed or paid at). */
const atOwnCounter = (a: Actor, r: Resource) =>
  a.role === 'officer' &&
  a.mallId === r.mallId &&
  r.counterId !== undefined &&
  a.counterIds.includes(r.counterId);
const isAuditorOf = (a: Actor, r: Resource) =>
  a.role === 'auditor' && (a.mallId === null || a.mallId === r.mallId);
/** An agency's admin or back office, on a resource of that agency (complaints dispatched to it). */
const isAgencyStaff = (a: Actor, r: Resource) =>
  (a.role === 'agency_admin' || a.role === 'back_office') &&
  a.mallId === r.mallId &&
  r.agencyId != null &&
  a.agencyId === r.agencyId;
/** An agency admin acting on its agency, or on the mall as a whole when no agency is named yet. */
const isAgencyAdminOrUnscoped = (a: Actor, r: Resource) =>
  a.role === 'agency_admin' &&
  a.mallId === r.mallId &&
  (r.agencyId === undefined || a.agencyId === r.agencyId);

/**
 * What each API key scope lets an integrator do: these actions in the key's own mall, nothing else.
 * A scope added for a later integration (Open311…) names its actions here.
 */
export const SCOPE_ACTIONS: Record<ApiScopeName, readonly Action[]> = {
  'queue.read': ['queue.read'],
  'webhooks.manage': ['webhooks.manage'],
  open311: ['open311.submit'],
};

/** An integrator may do what anyone may, plus its scopes' actions in its own mall; never staff work. */
function integratorCan(actor: Actor, action: Action, r: Resource): boolean {
  if (
    action === 'public.read' ||
    action === 'session.start' ||
    action === 'ticket.issue' ||
    action === 'complaint.submit' ||
    action === 'complaint.follow' ||
    action === 'survey.answer' ||
    action === 'booking.make'
  )
    return can(null, action, r);
  return (
    actor.mallId === r.mallId && (actor.scopes ?? []).some((scope) => SCOPE_ACTIONS[scope].includes(action))
  );
}

export function can(subject: Subject, action: Action, r: Resource): boolean {
  if (subject?.role === 'integrator') return integratorCan(subject, action, r);
  switch (action) {
    case 'public.read':
    case 'session.start':
    case 'ticket.follow':
    case 'complaint.submit':
    case 'complaint.follow':
    case 'survey.answer':
    case 'booking.make':
      return true;
    case 'open311.submit':
      return false; // API keys only (integratorCan)
    case 'ticket.issue':
      // Walk-in tickets at a counter: any working staff member of the mall (auditors only read).
      if (r.source !== 'counter') return true;
      return subject !== null && inMall(subject, r) && subject.role !== 'auditor';
    default:
      return subject !== null && staffCan(subject, action, r);
  }
}

function staffCan(actor: Actor, action: Action, r: Resource): boolean {
  switch (action) {
    case 'public.read':
    case 'session.start':
    case 'ticket.issue':
    case 'ticket.follow':
    case 'complaint.submit':
    case 'complaint.follow':
    case 'open311.submit':
    case 'survey.answer':
    case 'booking.make':
      return can(actor, action, r);
    case 'session.read':
    case 'planning.compute':
      return true;
    case 'device.self':
      return false; // devices are not staff; their routes check the device (authenticate.ts)
    case 'admin.open':
      return isMallAdmin(actor, r) || isAuditorOf(actor, r) || isAgencyAdminOrUnscoped(actor, r);
    case 'mall.create':
    case 'calendar.national':
      return actor.role === 'national_admin';
    case 'mall.update':
    case 'catalog.manage':
    case 'hours.manage':
    case 'announcements.manage':
    case 'device.manage':
    case 'outbox.manage':
    case 'agency.retire':
    case 'counter.reassign':
      return isMallAdmin(actor, r);
    case 'mall.readAdmin':
    case 'catalog.readInternal':
      return inMall(actor, r) || isAuditorOf(actor, r);
    case 'agency.manage':
    case 'service.manage':
    case 'counter.manage':
      return isMallAdmin(actor, r) || isAgencyAdmin(actor, r);
    case 'standard.read':
    case 'attendance.read':
      return isMallAdmin(actor, r) || isAgencyAdmin(actor, r) || isAuditorOf(actor, r);
    case 'counter.operate':
      if (isMallAdmin(actor, r) || isAgencyAdmin(actor, r)) return true;
      return (
        actor.role === 'officer' &&
        actor.mallId === r.mallId &&
        r.counterId !== undefined &&
        actor.counterIds.includes(r.counterId)
      );
    case 'users.read':
      return isMallAdmin(actor, r) || isAuditorOf(actor, r) || isAgencyAdminOrUnscoped(actor, r);
    case 'users.manage':
      if (r.role === 'national_admin') return actor.role === 'national_admin';
      if (isMallAdmin(actor, r)) return true;
      return (
        isAgencyAdminOrUnscoped(actor, r) &&
        (r.role === undefined || r.role === 'officer' || r.role === 'back_office')
      );
    case 'users.unlock':
    case 'counter.approve':
    case 'apikeys.manage':
    case 'webhooks.manage':
      return isMallAdmin(actor, r);
    case 'queue.read':
      return inMall(actor, r) || isAuditorOf(actor, r);
    case 'application.intake':
    case 'payment.take':
      return (
        isMallAdmin(actor, r) || isAgencyAdmin(actor, r) || isBackOffice(actor, r) || atOwnCounter(actor, r)
      );
    case 'application.read':
      return (
        isMallAdmin(actor, r) ||
        isAgencyAdmin(actor, r) ||
        isBackOffice(actor, r) ||
        isAuditorOf(actor, r) ||
        atOwnCounter(actor, r)
      );
    case 'application.process':
      return isMallAdmin(actor, r) || isAgencyAdmin(actor, r) || isBackOffice(actor, r);
    case 'payment.correct':
      return isMallAdmin(actor, r) || isAgencyAdmin(actor, r);
    case 'payments.report':
      return (
        isMallAdmin(actor, r) || isAgencyAdmin(actor, r) || isBackOffice(actor, r) || isAuditorOf(actor, r)
      );
    case 'booking.read':
      // The mall's staff see the bookings of their own agency's services (mall admins and auditors: all).
      return (
        isMallAdmin(actor, r) ||
        isAuditorOf(actor, r) ||
        (actor.mallId === r.mallId &&
          actor.role !== 'auditor' &&
          (r.agencyId == null || actor.agencyId === null || actor.agencyId === r.agencyId))
      );
    case 'booking.manage':
    case 'booking.readNik':
      return isMallAdmin(actor, r) || isAgencyAdmin(actor, r);
    case 'booking.checkIn':
      return (
        isMallAdmin(actor, r) ||
        (actor.mallId === r.mallId && (actor.role === 'officer' || actor.role === 'agency_admin'))
      );
    case 'audit.read':
    case 'outbox.read':
    case 'opening.read':
      return isMallAdmin(actor, r) || isAuditorOf(actor, r);
    case 'complaint.manage':
    case 'complaint.readReporter':
      return isMallAdmin(actor, r);
    case 'privacy.readLog':
      return isMallAdmin(actor, r) || isAuditorOf(actor, r);
    case 'privacy.export':
      // A citizen's whole file: the mall's admins only (there is no separate data-protection role).
      return isMallAdmin(actor, r);
    case 'complaint.read':
      return isMallAdmin(actor, r) || isAuditorOf(actor, r) || isAgencyStaff(actor, r);
    case 'complaint.answer':
      return isMallAdmin(actor, r) || isAgencyStaff(actor, r);
    case 'survey.report':
      // Agency admins read their own agency's results only (a mall-wide report names no agency).
      return isMallAdmin(actor, r) || isAuditorOf(actor, r) || isAgencyAdmin(actor, r);
    case 'survey.configure':
      return isMallAdmin(actor, r);
    case 'survey.enter':
      return isMallAdmin(actor, r) || isAgencyAdmin(actor, r);
    case 'opening.manage':
    case 'agreement.override':
      return isMallAdmin(actor, r);
    case 'opening.national':
      return actor.role === 'national_admin' || (actor.role === 'auditor' && actor.mallId === null);
    case 'reports.read':
      return (
        isMallAdmin(actor, r) || isAuditorOf(actor, r) || isAgencyStaff(actor, r) || atOwnCounter(actor, r)
      );
    case 'reports.national':
      return actor.role === 'national_admin' || (actor.role === 'auditor' && actor.mallId === null);
    default: {
      const never: never = action;
      return never;
    }
  }
}

/**
 * How far each action reaches for this actor in its own mall: 'mall' (any agency's resources),
 * 'agency' (its own agency's), 'counters' (its assigned counters) or 'none'. Derived from `can()`
 * itself, so the web shows exactly what the server will allow.
 */
export type Scope = z.infer<typeof PermissionScope>;
export function permissions(actor: Actor): Record<Action, Scope> {
  const out = {} as Record<Action, Scope>;
  for (const action of ACTIONS) out[action] = scopeIn(actor, action, actor.mallId ?? 0);
  return out;
}

/** How far `action` reaches for the actor in a mall (see `Scope`); 'none' means never there. */
export function scopeIn(actor: Actor, action: Action, mallId: number): Scope {
  if (can(actor, action, { mallId, agencyId: -1, counterId: -1 })) return 'mall';
  if (actor.agencyId !== null && can(actor, action, { mallId, agencyId: actor.agencyId })) return 'agency';
  if (actor.counterIds.some((counterId) => can(actor, action, { mallId, counterId }))) return 'counters';
  // Actions whose resource names no agency (e.g. users.manage before the role is known).
  return can(actor, action, { mallId }) ? 'agency' : 'none';
}

// ── Devices ─────────────────────────────────────────────────────────────────────────────────────
// A registered kiosk or display board, authenticated by its own bearer token. It is never a staff
// member (no user id, no role), so it can only do what deviceCan() lists.

export interface DeviceActor {
  deviceId: number;
  kind: 'kiosk' | 'display';
  mallId: number;
  zoneId: number | null;
}

export type DeviceAction = 'ticket.issueKiosk' | 'booking.checkIn' | 'display.reportAudio' | 'device.self';

export function deviceCan(device: DeviceActor | null, action: DeviceAction, r: Resource): boolean {
  if (!device) return false;
  switch (action) {
    case 'ticket.issueKiosk':
    case 'booking.checkIn':
      return device.kind === 'kiosk' && device.mallId === r.mallId;
    case 'device.self':
      // A device acts only in its own mall (its check-in, its audio report).
      return device.mallId === r.mallId;
    case 'display.reportAudio':
      return device.kind === 'display' && device.mallId === r.mallId;
    default: {
      const never: never = action;
      return never;
    }
  }
}
