import { useCallback, useEffect, useRef, useState } from 'react';
import { indonesianVoice, playChime, speak, wait } from './audio';

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
    /** Read by the e2e tests: what the board has announced and what still waits. */
    __satuAtapAnnouncer?: { announced: string[]; queued: () => number };
  }
}

/**
 * Announces calls strictly one at a time: flash + chime, then the sentence spoken by an Indonesian
 * voice when one exists (otherwise a longer visual emphasis), then a short pause before the next.
 */
export function useAnnouncer() {
  const queue = useRef<Announcement[]>([]);
  const running = useRef(false);
  const [current, setCurrent] = useState<Announcement | null>(null);
  const [queued, setQueued] = useState(0);
  const announced = useRef<string[]>([]);

  useEffect(() => {
    window.__satuAtapAnnouncer = { announced: announced.current, queued: () => queue.current.length };
    // Voices load asynchronously in Chromium; ask early so the first call finds them.
    if ('speechSynthesis' in window) window.speechSynthesis.getVoices();
    return () => {
      window.__satuAtapAnnouncer = undefined;
    };
  }, []);

  const run = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    while (queue.current.length) {
      const item = queue.current.shift()!;
      setQueued(queue.current.length);
      setCurrent(item);
      announced.current.push(item.text);
      await playChime();
      const spoke = indonesianVoice() ? await speak(item.spokenText || item.text) : false;
      await wait(spoke ? 1200 : 4000);
    }
    setCurrent(null);
    running.current = false;
  }, []);

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
