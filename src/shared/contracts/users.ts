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

/** Every action the server's policy decides (src/server/auth/policy.ts); routes declare one each. */
export const PolicyAction = z.enum([
  // Anyone, signed in or not.
  'public.read',
  'session.start',
  'ticket.issue',
  /** What the holder of a ticket's tracking code may do with it (ask to be notified). */
  'ticket.follow',
  /** File a complaint, aspiration or information request (anyone; staff file on a citizen's behalf). */
  'complaint.submit',
  /** What the holder of a complaint's tracking code may do: read it, reply, accept, reopen, attach. */
  'complaint.follow',
  /** Post a service request through Open311 (an API key with the `open311` scope). */
  'open311.submit',
  /** A citizen books, moves or cancels a booking (by its code and phone digits). */
  'booking.make',
  // Signed-in staff.
  'session.read',
  'admin.open',
  'mall.create',
  'mall.update',
  'mall.readAdmin',
  'catalog.manage',
  'catalog.readInternal',
  'agency.manage',
  'agency.retire',
  'service.manage',
  'standard.read',
  'counter.manage',
  'counter.reassign',
  'counter.operate',
  'users.read',
  'users.manage',
  'users.unlock',
  'audit.read',
  'hours.manage',
  'announcements.manage',
  'calendar.national',
  'device.manage',
  'queue.read',
  'apikeys.manage',
  'webhooks.manage',
  /** Outgoing messages and their templates: read (admins, auditors) and manage (mall admins). */
  'outbox.read',
  'outbox.manage',
  /** Officers' attendance, their work report and break/closure requests: read. */
  'attendance.read',
  /** Approve or reject a counter's break or closure request (mall admins). */
  'counter.approve',
  /** The staffing calculator (Erlang C): any staff member. */
  'planning.compute',
  /** The back office (issue 12): file an application at a counter, read, process, take and correct payments. */
  'application.intake',
  'application.read',
  'application.process',
  'payment.take',
  'payment.correct',
  'payments.report',
  /** Complaints: read (mall desk, auditors; agency staff their own agency's), the mall desk's actions, the agency's answer, the reporter's contacts (audited). */
  'complaint.read',
  'complaint.manage',
  'complaint.answer',
  'complaint.readReporter',
  /** The satisfaction survey (SKM): answer (anyone), read reports (staff; agency admins their agency), configure (mall admins). */
  'survey.answer',
  'survey.report',
  'survey.configure',
  /** Paper questionnaires entered by staff (mall admins; agency admins for their agency). */
  'survey.enter',
  /** The road to opening (issue 14): read (admins, auditors), manage (mall admins), the agreement override, the ministry's view. */
  'opening.read',
  'opening.manage',
  'agreement.override',
  'opening.national',
  /** Reports and exports (issue 15): mall admins, auditors; agency staff their agency, officers their counters. */
  'reports.read',
  /** The national roll-up across malls: national admin, auditors bound to no mall. */
  'reports.national',
  // A paired device about itself.
  'device.self',
  // Online booking (issue 11).
  'booking.read',
  'booking.manage',
  'booking.readNik',
  'booking.checkIn',
  /** Personal data (UU PDP, issue 16): the log of full-NIK reads and exports (mall admins, auditors); a citizen's whole file (mall admins). */
  'privacy.readLog',
  'privacy.export',
]);
/** How far an action reaches: any agency's resources in the mall, the own agency's, the own counters, or none. */
export const PermissionScope = z.enum(['mall', 'agency', 'counters', 'none']);
export const Permissions = z.record(PolicyAction, PermissionScope);
/** The signed-in user with what it may do, so screens show exactly what the server allows. */
export const Me = User.extend({ permissions: Permissions });
export const LoginResult = z.object({ token: z.string(), user: Me });
