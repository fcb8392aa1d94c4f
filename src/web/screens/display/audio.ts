/** The chime before each call (WebAudio, no audio file) and Indonesian speech when a voice exists. */
let ctx: AudioContext | null = null;

export function audioContext(): AudioContext | null {
  if (ctx) return ctx;
  const Ctor =
    window.AudioContext ??
    (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!Ctor) return null;
  ctx = new Ctor();
  return ctx;
}

/** Whether the browser lets this page play sound (Chromium on a TV: --autoplay-policy=no-user-gesture-required). */
export function soundAllowed(): boolean {
  return ctx?.state === 'running';
}

export async function unlockAudio(): Promise<void> {
  await audioContext()
    ?.resume()
    .catch(() => {});
}

const wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A two-tone "ding-dong" of about 1.3 s. Resolves when it has finished (or at once without audio). */
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
