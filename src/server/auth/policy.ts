/**
 * Every authorization decision goes through `can()`. Roles are scoped: national_admin (all malls),
 * mall_admin (one mall), agency_admin and back_office (one agency in one mall), officer (assigned
 * counters), auditor (read-only over one mall, or all malls when not bound to one).
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

export interface Actor {
  id: number;
  username: string;
  role: Role;
  mallId: number | null;
  agencyId: number | null;
  counterIds: number[];
}

export type Action =
  | 'mall.create'
  | 'mall.update'
  | 'mall.readAdmin'
  | 'catalog.manage'
  | 'agency.manage'
  | 'service.manage'
  | 'counter.manage'
  | 'counter.operate'
  | 'users.read'
  | 'users.manage'
  | 'users.unlock'
  | 'audit.read'
  | 'hours.manage'
  | 'announcements.manage'
  | 'calendar.national'
  | 'device.manage'
  | 'ticket.issueCounter';

export interface Resource {
  mallId: number;
  agencyId?: number | null;
  counterId?: number;
  /** For users.manage: the role being granted. */
  role?: Role;
}

const inMall = (a: Actor, r: Resource) => a.role === 'national_admin' || a.mallId === r.mallId;
const isMallAdmin = (a: Actor, r: Resource) =>
  a.role === 'national_admin' || (a.role === 'mall_admin' && a.mallId === r.mallId);
const isAgencyAdmin = (a: Actor, r: Resource) =>
  a.role === 'agency_admin' && a.mallId === r.mallId && r.agencyId != null && a.agencyId === r.agencyId;

export function can(actor: Actor, action: Action, r: Resource): boolean {
  switch (action) {
    case 'mall.create':
    case 'calendar.national':
      return actor.role === 'national_admin';
    case 'mall.update':
    case 'catalog.manage':
    case 'hours.manage':
    case 'announcements.manage':
    case 'device.manage':
      return isMallAdmin(actor, r);
    case 'ticket.issueCounter':
      // Walk-in tickets at a counter: any working staff member of the mall (auditors only read).
      return inMall(actor, r) && actor.role !== 'auditor';
    case 'mall.readAdmin':
      return inMall(actor, r) || (actor.role === 'auditor' && actor.mallId === null);
    case 'agency.manage':
    case 'service.manage':
    case 'counter.manage':
      return isMallAdmin(actor, r) || isAgencyAdmin(actor, r);
    case 'counter.operate':
      if (isMallAdmin(actor, r) || isAgencyAdmin(actor, r)) return true;
      return (
        actor.role === 'officer' &&
        actor.mallId === r.mallId &&
        r.counterId !== undefined &&
        actor.counterIds.includes(r.counterId)
      );
    case 'users.read':
      return (
        isMallAdmin(actor, r) ||
        (actor.role === 'agency_admin' && actor.mallId === r.mallId) ||
        (actor.role === 'auditor' && inMall(actor, r))
      );
    case 'users.manage':
      if (r.role === 'national_admin') return actor.role === 'national_admin';
      if (isMallAdmin(actor, r)) return true;
      return isAgencyAdmin(actor, r) && (r.role === 'officer' || r.role === 'back_office');
    case 'users.unlock':
      return isMallAdmin(actor, r);
    case 'audit.read':
      return (
        isMallAdmin(actor, r) ||
        (actor.role === 'auditor' && (actor.mallId === null || actor.mallId === r.mallId))
      );
    default: {
      const never: never = action;
      return never;
    }
  }
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

export type DeviceAction = 'ticket.issueKiosk' | 'display.reportAudio';

export function deviceCan(device: DeviceActor | null, action: DeviceAction, r: Resource): boolean {
  if (!device) return false;
  switch (action) {
    case 'ticket.issueKiosk':
      return device.kind === 'kiosk' && device.mallId === r.mallId;
    case 'display.reportAudio':
      return device.kind === 'display' && device.mallId === r.mallId;
    default: {
      const never: never = action;
      return never;
    }
  }
}
