import type { z } from 'zod';
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
import type { User as UserSchema } from '../../shared/contracts/users';

/** Screen-side names for the API types; all derived from the shared zod contracts. */
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
export type Role = User['role'];
export type {
  CounterChangedEvent,
  LiveEvent,
  LiveEventType,
  QueueChangedEvent,
  TicketCalledEvent,
} from '../../shared/contracts/events';
export type {
  CounterQueue,
  DisplayState,
  ImportReport,
  Priority,
  Ticket,
  TicketStatus,
  TicketView,
} from './queue-types';
export type { StandardBody };
