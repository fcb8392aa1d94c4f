import fs from 'node:fs/promises';
import path from 'node:path';
import { CHIME, CLIP_VOCABULARY } from '../../../shared/domain/announcement-clips.js';
import { SYNTH_VERSION, synthesise } from './synth.js';
import { chimeWav, parseWav } from './wav.js';

/**
 * Synthesised clips, made once per deployment and kept on disk (DATA_DIR/voice-cache/<version>/) and
 * in memory. Only the announcement vocabulary (~60 short words) is ever synthesised, so the memory
 * cache is bounded by it (per data directory). Concurrent first requests for one word share one synthesis.
 */
const memory = new Map<string, Buffer>();
const inflight = new Map<string, Promise<Buffer>>();

export function synthCacheDir(dataDir: string): string {
  return path.resolve(dataDir, 'voice-cache', SYNTH_VERSION);
}

async function readCached(file: string): Promise<Buffer | null> {
  const buf = await fs.readFile(file).catch(() => null);
  // A torn or foreign file is made again rather than served.
  return buf && parseWav(buf) ? buf : null;
}

async function make(dataDir: string, key: string): Promise<Buffer> {
  if (key === CHIME) return chimeWav();
  const dir = synthCacheDir(dataDir);
  const file = path.join(dir, `${key}.wav`);
  const cached = await readCached(file);
  if (cached) return cached;
  const wav = await synthesise(key);
  await fs.mkdir(dir, { recursive: true });
  // Write-then-rename so another process never reads half a file.
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(tmp, wav);
  await fs.rename(tmp, file);
  return wav;
}

const warming = new Set<string>();

/**
 * Makes the rest of the vocabulary in the background after the first clip a deployment is asked for,
 * so the first real calls do not wait for the synthesiser. One word at a time: a display's request
 * waits behind at most one background word (~0.1 s), never behind the whole list.
 */
function warmVocabulary(dataDir: string): void {
  if (warming.has(dataDir)) return;
  warming.add(dataDir);
  void (async () => {
    for (const key of CLIP_VOCABULARY) await synthClip(dataDir, key).catch(() => {});
  })();
}

/** The synthesised WAV of a vocabulary key (the caller checks the key is in the vocabulary). */
export function synthClip(dataDir: string, key: string, warm = false): Promise<Buffer> {
  if (warm) warmVocabulary(dataDir);
  // Keyed by the cache directory too: tests run apps with different DATA_DIRs in one process.
  const id = `${dataDir}\0${key}`;
  const hit = memory.get(id);
  if (hit) return Promise.resolve(hit);
  let p = inflight.get(id);
  if (!p) {
    p = make(dataDir, key)
      .then((wav) => {
        memory.set(id, wav);
        return wav;
      })
      .finally(() => inflight.delete(id));
    inflight.set(id, p);
  }
  return p;
}

/** Recorded clips by mall, key and content hash; bounded so thousands of malls cannot fill memory. */
const recorded = new Map<string, Buffer>();
const RECORDED_MAX = 600;

export function recordedFromCache(mallId: number, key: string, sha: string): Buffer | undefined {
  return recorded.get(`${mallId}:${key}:${sha}`);
}

export function rememberRecorded(mallId: number, key: string, sha: string, audio: Buffer): void {
  if (recorded.size >= RECORDED_MAX) recorded.delete(recorded.keys().next().value!);
  recorded.set(`${mallId}:${key}:${sha}`, audio);
}
