import { useSyncExternalStore } from 'react';

/**
 * The board's sound: the server's announcement clips (chime + word clips, decoded and played back to
 * back through WebAudio), a WebAudio chime when clips cannot load, and the browser's own Indonesian
 * voice where the mall or this display chose it and one exists. Also the board's audio status, which
 * the board shows as a warning and reports to the server.
 */
let ctx: AudioContext | null = null;

export function audioContext(): AudioContext | null {
  if (ctx) return ctx;
  const Ctor =
    window.AudioContext ??
    (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!Ctor) return null;
  ctx = new Ctor();
  ctx.addEventListener('statechange', () => refreshStatus());
  return ctx;
}

/**
 * Why the board may be silent: `blocked` — the browser's autoplay policy holds the sound until someone
 * touches the screen (a TV's Chromium runs with --autoplay-policy=no-user-gesture-required);
 * `clips-failed` — the announcement clips did not load or decode; `no-audio` — no WebAudio at all.
 */
export type AudioStatus = 'ok' | 'blocked' | 'clips-failed' | 'no-audio';

let clipsFailed = false;
let status: AudioStatus = 'ok';
const listeners = new Set<() => void>();

function refreshStatus(): void {
  const next: AudioStatus = !audioContext()
    ? 'no-audio'
    : ctx!.state !== 'running'
      ? 'blocked'
      : clipsFailed
        ? 'clips-failed'
        : 'ok';
  if (next === status) return;
  status = next;
  for (const l of listeners) l();
}

export function audioStatus(): AudioStatus {
  refreshStatus();
  return status;
}

export function useAudioStatus(): AudioStatus {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      refreshStatus();
      return () => listeners.delete(l);
    },
    () => status,
  );
}

/** Whether the browser lets this page play sound. */
export function soundAllowed(): boolean {
  return ctx?.state === 'running';
}

export async function unlockAudio(): Promise<void> {
  await audioContext()
    ?.resume()
    .catch(() => {});
  refreshStatus();
}

const wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Decoded clips by URL; the URLs carry a version, so an entry never goes stale. */
const decoded = new Map<string, Promise<AudioBuffer>>();

function loadClip(ac: AudioContext, url: string): Promise<AudioBuffer> {
  let p = decoded.get(url);
  if (!p) {
    p = fetch(url).then(async (res) => {
      if (!res.ok) throw new Error(`clip ${url}: HTTP ${res.status}`);
      return ac.decodeAudioData(await res.arrayBuffer());
    });
    // A failed load is tried again on the next call (the server may have been restarting).
    p.catch(() => decoded.delete(url));
    decoded.set(url, p);
  }
  return p;
}

/** Fetches and decodes clips ahead of the first call, so it starts on time; failures mark the status. */
export async function preloadClips(urls: string[]): Promise<boolean> {
  const ac = audioContext();
  if (!ac) return false;
  try {
    await Promise.all(urls.map((u) => loadClip(ac, u)));
    clipsFailed = false;
    return true;
  } catch {
    clipsFailed = true;
    return false;
  } finally {
    refreshStatus();
  }
}

/** The clip list itself could not be fetched (server unreachable): nothing can play until it can. */
export function markClipsFailed(): void {
  clipsFailed = true;
  refreshStatus();
}

/** Read by the e2e tests: the clip URLs the board started, in order. */
export const playedClips: string[] = [];

/**
 * Plays the clips back to back, sample-exact (scheduled on the audio clock, no gaps from timers).
 * Resolves true when they have played; false (at once) when sound is blocked or a clip failed, so
 * the caller falls back to the visual announcement.
 */
export async function playClips(urls: string[]): Promise<boolean> {
  const ac = audioContext();
  if (!ac) return false;
  if (ac.state !== 'running') await ac.resume().catch(() => {});
  if (ac.state !== 'running') {
    refreshStatus();
    return false;
  }
  let buffers: AudioBuffer[];
  try {
    buffers = await Promise.all(urls.map((u) => loadClip(ac, u)));
    clipsFailed = false;
  } catch {
    clipsFailed = true;
    refreshStatus();
    return false;
  }
  refreshStatus();
  let at = ac.currentTime + 0.05;
  const start = at;
  buffers.forEach((buf, i) => {
    const src = ac.createBufferSource();
    src.buffer = buf;
    src.connect(ac.destination);
    src.start(at);
    playedClips.push(urls[i]!);
    // A short breath after the chime, as a PA announcer takes.
    at += buf.duration + (i === 0 ? 0.25 : 0.02);
  });
  await wait(Math.ceil((at - start) * 1000) + 100);
  return true;
}

/** A two-tone "ding-dong" of about 1.3 s made in WebAudio: the chime when clips cannot load. */
export async function playChime(): Promise<void> {
  const ac = audioContext();
  if (!ac) return;
  if (ac.state !== 'running') await ac.resume().catch(() => {});
  if (ac.state !== 'running') return;
  const start = ac.currentTime + 0.05;
  for (const [i, freq] of [880, 659.25].entries()) {
    const osc = ac.createOscillator();
    const gain = ac.createGain();
    osc.type = 'sine';
    osc.frequency.value = freq;
    const t0 = start + i * 0.5;
    gain.gain.setValueAtTime(0.0001, t0);
    gain.gain.exponentialRampToValueAtTime(0.5, t0 + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t0 + 0.8);
    osc.connect(gain).connect(ac.destination);
    osc.start(t0);
    osc.stop(t0 + 0.85);
  }
  await wait(1400);
}

export function indonesianVoice(): SpeechSynthesisVoice | null {
  if (!('speechSynthesis' in window)) return null;
  const voices = window.speechSynthesis.getVoices();
  return (
    voices.find((v) => v.lang.toLowerCase() === 'id-id') ??
    voices.find((v) => v.lang.toLowerCase().startsWith('id')) ??
    null
  );
}

/** Speaks the text in Indonesian; resolves false when no Indonesian voice exists. */
export function speak(text: string): Promise<boolean> {
  const voice = indonesianVoice();
  if (!voice) return Promise.resolve(false);
  return new Promise((resolve) => {
    const u = new SpeechSynthesisUtterance(text);
    u.voice = voice;
    u.lang = 'id-ID';
    u.rate = 0.9;
    const limit = setTimeout(
      () => {
        window.speechSynthesis.cancel();
        resolve(true);
      },
      Math.max(5000, text.length * 150),
    );
    const done = () => {
      clearTimeout(limit);
      resolve(true);
    };
    u.onend = done;
    u.onerror = done;
    window.speechSynthesis.speak(u);
  });
}

export { wait };
