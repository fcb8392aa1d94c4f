import type { z } from 'zod';
import type {
  CalendarImportReport as CalendarImportReportSchema,
  CalendarWarning as CalendarWarningSchema,
  MallCalendarDay as MallCalendarDaySchema,
  MallCalendar as MallCalendarSchema,
  NationalCalendar as NationalCalendarSchema,
  NationalDay as NationalDaySchema,
} from '../../shared/contracts/calendar';
import type {
  Agency as AgencySchema,
  Counter as CounterSchema,
  Holiday as HolidaySchema,
  Mall as MallSchema,
  OpeningDay as OpeningDaySchema,
  ServiceDetail as ServiceDetailSchema,
  ServiceInput as ServiceInputSchema,
  ServiceSummary as ServiceSummarySchema,
  StandardBody,
  StandardVersion as StandardVersionSchema,
  Zone as ZoneSchema,
} from '../../shared/contracts/catalog';
import type {
  Device as DeviceSchema,
  DeviceWithCode as DeviceWithCodeSchema,
  PrintOutcome as PrintOutcomeSchema,
} from '../../shared/contracts/devices';
import type { DisplayState as DisplayStateSchema } from '../../shared/contracts/displays';
import type { ImportReport as ImportReportSchema } from '../../shared/contracts/imports';
import type {
  ApiKeyCreated as ApiKeyCreatedSchema,
  ApiKey as ApiKeySchema,
  WebhookCreated as WebhookCreatedSchema,
  WebhookDelivery as WebhookDeliverySchema,
  Webhook as WebhookSchema,
} from '../../shared/contracts/integrations';
import type {
  CounterQueue as CounterQueueSchema,
  Priority as PrioritySchema,
  PublicTicket as PublicTicketSchema,
  Ticket as TicketSchema,
  TicketStatus as TicketStatusSchema,
} from '../../shared/contracts/queue';
import type { QueueStats as QueueStatsSchema } from '../../shared/contracts/stats';
import type {
  Me as MeSchema,
  PolicyAction as PolicyActionSchema,
  User as UserSchema,
} from '../../shared/contracts/users';

/**
 * Screen-side names for the API types, all derived from the shared zod contracts: the catalog and
 * staff records, then the queue ones — `TicketView` is the citizen's view (GET /tickets/{trackingCode}),
 * `DisplayState` GET /displays/{zone}/state, `CounterQueue` GET /counters/{id}/queue, and
 * `ImportReport` POST /catalog/import (also the `details` of its 422 answer).
 */
export type Mall = z.infer<typeof MallSchema>;
export type Agency = z.infer<typeof AgencySchema>;
export type ServiceSummary = z.infer<typeof ServiceSummarySchema>;
export type ServiceDetail = z.infer<typeof ServiceDetailSchema>;
export type ServiceInput = z.input<typeof ServiceInputSchema>;
export type StandardVersion = z.infer<typeof StandardVersionSchema>;
export type Counter = z.infer<typeof CounterSchema>;
export type OpeningDay = z.infer<typeof OpeningDaySchema>;
export type Holiday = z.infer<typeof HolidaySchema>;
export type Zone = z.infer<typeof ZoneSchema>;
export type User = z.infer<typeof UserSchema>;
/** The signed-in user with its permission scope per policy action (login and GET /auth/me). */
export type Me = z.infer<typeof MeSchema>;
export type PolicyAction = z.infer<typeof PolicyActionSchema>;
export type Priority = z.infer<typeof PrioritySchema>;
export type TicketStatus = z.infer<typeof TicketStatusSchema>;
export type Ticket = z.infer<typeof TicketSchema>;
export type TicketView = z.infer<typeof PublicTicketSchema>;
export type DisplayState = z.infer<typeof DisplayStateSchema>;
export type CounterQueue = z.infer<typeof CounterQueueSchema>;
export type ImportReport = z.infer<typeof ImportReportSchema>;
export type Role = User['role'];
/** GET /malls/{mall}/devices (kiosks and displays); the code is answered only when it is made. */
export type Device = z.infer<typeof DeviceSchema>;
export type DeviceWithCode = z.infer<typeof DeviceWithCodeSchema>;
export type ApiKey = z.infer<typeof ApiKeySchema>;
export type ApiKeyCreated = z.infer<typeof ApiKeyCreatedSchema>;
export type Webhook = z.infer<typeof WebhookSchema>;
export type WebhookCreated = z.infer<typeof WebhookCreatedSchema>;
export type WebhookDelivery = z.infer<typeof WebhookDeliverySchema>;
/** How a kiosk's network printer did with the slip (absent: the browser prints). */
export type PrintOutcome = z.infer<typeof PrintOutcomeSchema>;
/** GET /calendar/national and GET /malls/{mall}/calendar (inherited national days + own closures). */
export type NationalCalendar = z.infer<typeof NationalCalendarSchema>;
export type NationalDay = z.infer<typeof NationalDaySchema>;
export type MallCalendar = z.infer<typeof MallCalendarSchema>;
export type MallCalendarDay = z.infer<typeof MallCalendarDaySchema>;
export type CalendarWarning = z.infer<typeof CalendarWarningSchema>;
export type CalendarImportReport = z.infer<typeof CalendarImportReportSchema>;
/** GET /stats/queue: totals, per service, per counter and per hour of the mall's local day. */
export type QueueStats = z.infer<typeof QueueStatsSchema>;
export type ServiceQueueStats = QueueStats['services'][number];
export type CounterQueueStats = QueueStats['counters'][number];
export type HourQueueStats = QueueStats['byHour'][number];
export type DurationStats = QueueStats['totals']['times']['wait'];
export type { StandardBody };
