import type { z } from 'zod';
import type { DisplayState as DisplayStateSchema } from '../../shared/contracts/displays';
import type { ImportReport as ImportReportSchema } from '../../shared/contracts/imports';
import type {
  CounterQueue as CounterQueueSchema,
  Priority as PrioritySchema,
  PublicTicket as PublicTicketSchema,
  Ticket as TicketSchema,
  TicketStatus as TicketStatusSchema,
} from '../../shared/contracts/queue';

/** Queue, display and import types, all derived from the shared zod contracts. */
export type Priority = z.infer<typeof PrioritySchema>;
export type TicketStatus = z.infer<typeof TicketStatusSchema>;
export type Ticket = z.infer<typeof TicketSchema>;
/** The citizen's view: GET /tickets/{trackingCode}. */
export type TicketView = z.infer<typeof PublicTicketSchema>;
/** GET /displays/{zone}/state. */
export type DisplayState = z.infer<typeof DisplayStateSchema>;
/** GET /counters/{id}/queue. */
export type CounterQueue = z.infer<typeof CounterQueueSchema>;
/** POST /catalog/import (also the `details` of its 422 answer). */
export type ImportReport = z.infer<typeof ImportReportSchema>;
