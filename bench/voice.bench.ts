/**
 * Announcement voice: what synthesising the vocabulary with eSpeak NG (WebAssembly) costs — the first
 * word (module compile + instance), then each word — and what the clips are (size, length, level).
 * Synthesis happens once per deployment (then disk and memory caches), so this is a cold-start cost.
 * `npx tsx bench/voice.bench.ts` (also part of `npm run bench`); writes bench/results/voice.json.
 */

import { synthesise } from '../src/server/modules/announcements/synth.js';
import { measure, parseWav } from '../src/server/modules/announcements/wav.js';
import { CHIME, CLIP_VOCABULARY } from '../src/shared/domain/announcement-clips.js';
import { quantile, round, writeResult } from './lib/results.js';

const t0 = performance.now();
await synthesise('satu');
const coldFirstMs = performance.now() - t0;
const times: number[] = [];
let bytes = 0;
let seconds = 0;
let minRms = 1;
const words = CLIP_VOCABULARY.filter((k) => k !== CHIME);
const all0 = performance.now();
for (const key of words) {
  const t = performance.now();
  const wav = await synthesise(key);
  times.push(performance.now() - t);
  bytes += wav.length;
  const m = measure(parseWav(wav)!);
  seconds += m.seconds;
  minRms = Math.min(minRms, m.rms);
}
const vocabularyMs = performance.now() - all0;
times.sort((a, b) => a - b);
const result = {
  words: words.length,
  coldFirstWordMs: round(coldFirstMs, 0),
  perWordMs: { p50: round(quantile(times, 0.5), 0), p90: round(quantile(times, 0.9), 0) },
  wholeVocabularyMs: round(vocabularyMs, 0),
  clipsKB: round(bytes / 1024, 0),
  meanClipSeconds: round(seconds / words.length),
  quietestClipRms: round(minRms, 3),
  rssMB: round(process.memoryUsage().rss / 2 ** 20, 0),
};
console.log(JSON.stringify(result));
console.log(`wrote ${writeResult('voice', result)}`);
