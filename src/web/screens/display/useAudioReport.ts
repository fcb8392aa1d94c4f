import { useEffect } from 'react';
import { api } from '../../app/api';
import { storedDeviceToken } from '../../app/device';
import { useInterval } from '../../app/live';
import type { DisplayAudio } from '../../app/types';
import { useAudioStatus } from './audio';

/** Often enough that the admin's list is current; a board silent for 15 minutes counts as stale. */
const REPORT_MS = 5 * 60_000;

async function report(mall: string, status: DisplayAudio['status']): Promise<void> {
  const token = storedDeviceToken(mall, 'display');
  // Unpaired boards have no identity to report under; they still show their own warning.
  if (!token) return;
  await api
    .put('/api/v1/malls/{mall}/announcements/audio-status', {
      params: { path: { mall } },
      body: { status },
      token,
    })
    .catch(() => {});
}

/**
 * A paired display tells the server whether it can be heard (after each change, settled for two
 * seconds so a page load's short 'blocked' does not flap, and every five minutes), so the admin sees
 * silent boards without walking the hall.
 */
export function useAudioReport(mall: string): void {
  const status = useAudioStatus();
  useEffect(() => {
    const id = setTimeout(() => void report(mall, status), 2000);
    return () => clearTimeout(id);
  }, [mall, status]);
  useInterval(() => void report(mall, status), REPORT_MS);
}
