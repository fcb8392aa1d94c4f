import { useCallback, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { CHIME, clipUrl, spokenTextToClips } from '../../../shared/domain/announcement-clips';
import { api } from '../../app/api';
import { useMall } from '../../app/mall';
import type { VoiceManifest } from '../../app/types';
import {
  indonesianVoice,
  markClipsFailed,
  playChime,
  playClips,
  playedClips,
  preloadClips,
  speak,
  wait,
} from './audio';
import { useAudioReport } from './useAudioReport';

export interface Announcement {
  key: string;
  number: string;
  counterName: string;
  serviceName: string;
  text: string;
  spokenText: string;
  recall: boolean;
}

declare global {
  interface Window {
    /**
     * Read by the e2e tests: what the board has announced (text and spokenText), what still waits,
     * and the clip URLs it played in order (chime first for each call).
     */
    __satuAtapAnnouncer?: {
      announced: string[];
      spoken: string[];
      played: string[];
      queued: () => number;
    };
  }
}

/** Clips every call starts with: loaded with the page, so a failing clip path shows before the first call. */
const COMMON = [CHIME, 'nomor-antrean', 'silakan-menuju-loket'];

/**
 * Announces calls strictly one at a time: flash + chime, then the sentence as the server's clips
 * (recorded by the mall or synthesised offline) — or the browser's Indonesian voice where the mall
 * (or `?voice=browser` on this display) chose it and the browser has one; without sound, a longer
 * visual emphasis. A short pause separates calls.
 */
export function useAnnouncer() {
  const mall = useMall();
  const [params] = useSearchParams();
  const voiceParam = params.get('voice');
  const queue = useRef<Announcement[]>([]);
  const running = useRef(false);
  const manifest = useRef<VoiceManifest | null>(null);
  const [current, setCurrent] = useState<Announcement | null>(null);
  const [queued, setQueued] = useState(0);
  const announced = useRef<string[]>([]);
  useAudioReport(mall.slug);
  const spoken = useRef<string[]>([]);

  useEffect(() => {
    window.__satuAtapAnnouncer = {
      announced: announced.current,
      spoken: spoken.current,
      played: playedClips,
      queued: () => queue.current.length,
    };
    // Voices load asynchronously in Chromium; ask early so the first call finds them.
    if ('speechSynthesis' in window) window.speechSynthesis.getVoices();
    return () => {
      window.__satuAtapAnnouncer = undefined;
    };
  }, []);

  const loadManifest = useCallback(async () => {
    try {
      const m = await api.get('/api/v1/malls/{mall}/announcements/voice', {
        params: { path: { mall: mall.slug } },
      });
      manifest.current = m;
      await preloadClips(COMMON.map((k) => clipUrl(m, k)));
      return m;
    } catch {
      if (!manifest.current) markClipsFailed();
      return manifest.current;
    }
  }, [mall.slug]);

  useEffect(() => {
    void loadManifest();
    // Recordings uploaded later reach the board within a few minutes.
    const id = setInterval(() => void loadManifest(), 300_000);
    return () => clearInterval(id);
  }, [loadManifest]);

  /** Plays one call; false when nothing was heard (the caller then keeps the visual emphasis longer). */
  const sayOne = useCallback(
    async (item: Announcement): Promise<boolean> => {
      const m = manifest.current ?? (await loadManifest());
      const voice = voiceParam === 'browser' || voiceParam === 'server' ? voiceParam : m?.voice;
      if (voice === 'browser' && indonesianVoice()) {
        await playChime();
        return speak(item.spokenText || item.text);
      }
      if (m) {
        const keys = [CHIME, ...spokenTextToClips(item.spokenText || item.text)];
        if (await playClips(keys.map((k) => clipUrl(m, k)))) return true;
      }
      await playChime();
      return false;
    },
    [loadManifest, voiceParam],
  );

  const run = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    while (queue.current.length) {
      const item = queue.current.shift()!;
      setQueued(queue.current.length);
      setCurrent(item);
      announced.current.push(item.text);
      spoken.current.push(item.spokenText);
      const heard = await sayOne(item);
      await wait(heard ? 1200 : 4000);
    }
    setCurrent(null);
    running.current = false;
  }, [sayOne]);

  const enqueue = useCallback(
    (a: Announcement) => {
      // A recall of a call that is still waiting to be announced adds nothing.
      if (queue.current.some((q) => q.number === a.number && q.counterName === a.counterName)) return;
      queue.current.push(a);
      setQueued(queue.current.length);
      void run();
    },
    [run],
  );

  return { current, queued, enqueue };
}
