import type { DisplayEventDto } from '../../../shared/contracts/events';
import type { DisplayState } from '../../app/types';

/** What the board keeps between snapshots. */
export type Board = Pick<DisplayState, 'counters' | 'recentCalls' | 'waiting'>;
export const EMPTY_BOARD: Board = { counters: [], recentCalls: [], waiting: [] };

/**
 * Applies one display-stream event to the board: each event carries all the board needs, so the
 * board never asks the server again between snapshots (a snapshot comes on load and after a reset).
 */
export function applyBoardEvent(b: Board, e: DisplayEventDto): Board {
  switch (e.type) {
    case 'ticket.called':
    case 'ticket.recalled': {
      const p = e.payload;
      return {
        ...b,
        counters: b.counters.map((c) =>
          c.id === p.counterId ? { ...c, current: { number: p.number, serviceName: p.serviceName } } : c,
        ),
        recentCalls: [
          {
            number: p.number,
            counterNumber: p.counterNumber,
            counterName: p.counterName,
            serviceName: p.serviceName,
            announcement: p.text,
            at: p.at,
          },
          ...b.recentCalls.filter((r) => !(r.number === p.number && r.counterNumber === p.counterNumber)),
        ].slice(0, 10),
      };
    }
    case 'counter.changed': {
      const p = e.payload;
      return {
        ...b,
        counters: b.counters.map((c) =>
          c.id === p.counterId
            ? { ...c, status: p.status, statusReason: p.statusReason ?? null, current: p.current }
            : c,
        ),
      };
    }
    case 'waiting.changed': {
      const p = e.payload;
      const known = b.waiting.some((w) => w.serviceId === p.serviceId);
      const waiting = known
        ? b.waiting.map((w) =>
            w.serviceId === p.serviceId
              ? { ...w, waiting: p.waiting, oldestWaitMinutes: p.waiting ? w.oldestWaitMinutes : null }
              : w,
          )
        : [...b.waiting, { ...p, oldestWaitMinutes: null, averageWaitMinutes: null }];
      return { ...b, waiting };
    }
    case 'reset':
      return b;
  }
}
