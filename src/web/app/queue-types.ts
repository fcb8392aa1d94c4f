import type { z } from 'zod';
import type {
  Priority as PrioritySchema,
  PublicTicket as PublicTicketSchema,
  Ticket as TicketSchema,
  TicketStatus as TicketStatusSchema,
} from '../../shared/contracts/queue';

/** Queue types derived from the shared contracts; the display/counter snapshots have no schema yet. */
export type Priority = z.infer<typeof PrioritySchema>;
export type TicketStatus = z.infer<typeof TicketStatusSchema>;
export type Ticket = z.infer<typeof TicketSchema>;
/** The citizen's view: GET /tickets/{trackingCode}. */
export type TicketView = z.infer<typeof PublicTicketSchema>;

export interface DisplayState {
  counters: {
    id: number;
    number: number;
    name: string;
    status: string;
    current: { number: string; serviceName: string } | null;
  }[];
  recentCalls: {
    number: string;
    counterNumber: number;
    counterName: string;
    serviceName?: string;
    announcement: string;
    at: string;
  }[];
  waiting: { serviceId: number; serviceName: string; queuePrefix: string; waiting: number }[];
  lastEventId: number | string | null;
}

export interface CounterQueue {
  counter: {
    id: number;
    number: number;
    name: string;
    status: 'open' | 'closed' | 'break';
    serviceIds?: number[];
  };
  current: Ticket | null;
  waiting: Ticket[];
}

/** Mirrors ImportReport in src/server/modules/imports/imports.schema.ts (not in shared contracts yet). */
export interface ImportReport {
  dryRun: boolean;
  ok: boolean;
  rows: number;
  created: { agencies: number; services: number };
  updated: { services: number };
  unchanged: number;
  errors: { row: number; column?: string; message: string }[];
}
