import { publicUrl } from './publicUrl';

/**
 * `position` is the ticket's 1-based place in its line (1 = next to be called); people ahead is one
 * less. Kept in one place so the kiosk slip and the citizen page agree.
 */
export function peopleAhead(t: { position: number | null; status?: string }): number | null {
  if (t.position === null || t.position === undefined) return null;
  return Math.max(0, t.position - 1);
}

export const PRIORITIES = ['elderly', 'disabled', 'pregnant', 'child', 'sick', 'disaster_victim'] as const;

/** The citizen's live ticket page, as printed in the QR code. */
export const ticketUrl = (mall: string, trackingCode: string): string =>
  `${publicUrl()}/${mall}/ticket/${encodeURIComponent(trackingCode)}`;
