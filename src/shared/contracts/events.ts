/**
 * The typed map of live events a display, counter console or ticket page receives over SSE.
 * Shared by the server (which writes them) and the screens (which read them).
 */
export interface TicketCalledEvent {
  ticketId: number;
  number: string;
  serviceId: number;
  serviceName: string;
  counterId: number;
  counterNumber: number;
  counterName: string;
  /** Indonesian sentence to show and speak: "Nomor antrean B tujuh belas, silakan menuju loket tiga." */
  announcement: string;
  /** The same sentence with letter names spelled out, for speech engines. */
  spokenText: string;
  trackingCode: string;
  at: string;
}

export interface CounterChangedEvent {
  counterId: number;
  counterNumber: number;
  status: string;
  currentTicket: string | null;
}

export interface QueueChangedEvent {
  serviceId: number;
  waiting: number;
  ticketId?: number;
  trackingCode?: string;
  status?: string;
}

export interface LiveEventMap {
  'ticket.called': TicketCalledEvent;
  'ticket.recalled': TicketCalledEvent;
  'counter.changed': CounterChangedEvent;
  'queue.changed': QueueChangedEvent;
}

export type LiveEventType = keyof LiveEventMap;

export interface LiveEvent<K extends LiveEventType = LiveEventType> {
  seq: number;
  type: K;
  zoneId: number | null;
  payload: LiveEventMap[K];
  at: string;
}
