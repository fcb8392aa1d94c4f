/**
 * Small pure-JS helpers for 16-bit PCM WAV: read the samples out of espeak-ng's output, trim the
 * silence it pads words with (so clips played back to back sound like one sentence), build the
 * chime, and recognise uploaded audio by its first bytes (never trust the declared type alone).
 */

export interface Pcm {
  sampleRate: number;
  channels: number;
  samples: Int16Array;
}

/** Parses a PCM16 WAV (chunk by chunk: espeak-ng and editors add LIST/fact chunks). */
export function parseWav(buf: Buffer): Pcm | null {
  if (buf.length < 44 || buf.toString('ascii', 0, 4) !== 'RIFF' || buf.toString('ascii', 8, 12) !== 'WAVE')
    return null;
  let fmt: { channels: number; sampleRate: number; bits: number; format: number } | null = null;
  for (let off = 12; off + 8 <= buf.length; ) {
    const id = buf.toString('ascii', off, off + 4);
    // Streamed WAVs leave the size unset (0 or 0xFFFFFFFF): the data then runs to the end.
    let size = buf.readUInt32LE(off + 4);
    const body = off + 8;
    if (id === 'fmt ' && size >= 16) {
      fmt = {
        format: buf.readUInt16LE(body),
        channels: buf.readUInt16LE(body + 2),
        sampleRate: buf.readUInt32LE(body + 4),
        bits: buf.readUInt16LE(body + 14),
      };
    } else if (id === 'data') {
      if (fmt?.format !== 1 || fmt.bits !== 16 || fmt.channels < 1) return null;
      if (size === 0 || body + size > buf.length) size = buf.length - body;
      const copy = Buffer.from(buf.subarray(body, body + size - (size % 2)));
      return {
        sampleRate: fmt.sampleRate,
        channels: fmt.channels,
        samples: new Int16Array(copy.buffer, copy.byteOffset, copy.length / 2),
      };
    }
    off = body + size + (size % 2);
  }
  return null;
}

export function encodeWav(pcm: Pcm): Buffer {
  const data = Buffer.from(pcm.samples.buffer, pcm.samples.byteOffset, pcm.samples.byteLength);
  const h = Buffer.alloc(44);
  h.write('RIFF', 0, 'ascii');
  h.writeUInt32LE(36 + data.length, 4);
  h.write('WAVE', 8, 'ascii');
  h.write('fmt ', 12, 'ascii');
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20);
  h.writeUInt16LE(pcm.channels, 22);
  h.writeUInt32LE(pcm.sampleRate, 24);
  h.writeUInt32LE(pcm.sampleRate * pcm.channels * 2, 28);
  h.writeUInt16LE(pcm.channels * 2, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36, 'ascii');
  h.writeUInt32LE(data.length, 40);
  return Buffer.concat([h, data]);
}

/** Duration in seconds and the root-mean-square level (0..1) of the signal. */
export function measure(pcm: Pcm): { seconds: number; rms: number } {
  let sum = 0;
  for (const s of pcm.samples) sum += s * s;
  const n = pcm.samples.length || 1;
  return {
    seconds: pcm.samples.length / pcm.channels / pcm.sampleRate,
    rms: Math.sqrt(sum / n) / 32768,
  };
}

/** Cuts leading and trailing silence, keeping `padMs` on each side (mono). */
export function trimSilence(pcm: Pcm, threshold = 400, padMs = 40): Pcm {
  const s = pcm.samples;
  let first = 0;
  while (first < s.length && Math.abs(s[first]!) < threshold) first++;
  let last = s.length - 1;
  while (last > first && Math.abs(s[last]!) < threshold) last--;
  if (first >= s.length) return pcm;
  const pad = Math.round((pcm.sampleRate * padMs) / 1000) * pcm.channels;
  return { ...pcm, samples: s.slice(Math.max(0, first - pad), Math.min(s.length, last + 1 + pad)) };
}

/** A two-tone "ding-dong" (880 Hz then 659 Hz, ~1.3 s) with soft decays, like a hall PA chime. */
export function chimeWav(sampleRate = 22050): Buffer {
  const seconds = 1.4;
  const samples = new Int16Array(Math.round(seconds * sampleRate));
  for (const [i, freq] of [880, 659.25].entries()) {
    const start = Math.round(i * 0.5 * sampleRate);
    const len = Math.round(0.85 * sampleRate);
    for (let k = 0; k < len && start + k < samples.length; k++) {
      const t = k / sampleRate;
      const env = Math.min(1, t / 0.02) * Math.exp(-t * 4.5);
      const v = Math.sin(2 * Math.PI * freq * t) * env * 0.45 * 32767;
      samples[start + k] = Math.max(-32768, Math.min(32767, samples[start + k]! + Math.round(v)));
    }
  }
  return encodeWav({ sampleRate, channels: 1, samples });
}

export type AudioType = 'audio/wav' | 'audio/mpeg' | 'audio/ogg';

/** Recognises WAV, MP3 (ID3 tag or an MPEG audio frame) and Ogg by their first bytes. */
export function sniffAudio(buf: Buffer): AudioType | null {
  if (buf.length < 12) return null;
  if (buf.toString('ascii', 0, 4) === 'RIFF' && buf.toString('ascii', 8, 12) === 'WAVE') return 'audio/wav';
  if (buf.toString('ascii', 0, 4) === 'OggS') return 'audio/ogg';
  if (buf.toString('ascii', 0, 3) === 'ID3') return 'audio/mpeg';
  // MPEG audio frame sync: 11 set bits, a valid layer (not 00) and bitrate index (not 1111).
  if (buf[0] === 0xff && (buf[1]! & 0xe0) === 0xe0 && (buf[1]! & 0x06) !== 0 && (buf[2]! & 0xf0) !== 0xf0)
    return 'audio/mpeg';
  return null;
}

export const AUDIO_EXT: Record<AudioType, string> = {
  'audio/wav': 'wav',
  'audio/mpeg': 'mp3',
  'audio/ogg': 'ogg',
};
