import { describe, expect, it } from 'vitest';
import { chimeWav, encodeWav, measure, parseWav, sniffAudio, trimSilence } from './wav.js';

const pcm = (values: number[], sampleRate = 1000) => ({
  sampleRate,
  channels: 1,
  samples: Int16Array.from(values),
});

describe('wav helpers', () => {
  it('round-trips PCM16 and skips chunks before the data', () => {
    const wav = encodeWav(pcm([0, 1000, -1000, 0]));
    expect(Array.from(parseWav(wav)!.samples)).toEqual([0, 1000, -1000, 0]);
    // A LIST chunk between fmt and data, as editors write it.
    const list = Buffer.concat([Buffer.from('LIST'), Buffer.from([4, 0, 0, 0]), Buffer.from('INFO')]);
    const withList = Buffer.concat([wav.subarray(0, 36), list, wav.subarray(36)]);
    expect(Array.from(parseWav(withList)!.samples)).toEqual([0, 1000, -1000, 0]);
    expect(parseWav(Buffer.from('RIFF....WAVEjunkjunkjunkjunkjunkjunkjunkjunkjunk'))).toBeNull();
  });

  it('trims leading and trailing silence but keeps a little padding', () => {
    const s = [...Array(100).fill(0), ...Array(50).fill(5000), ...Array(100).fill(0)];
    const trimmed = trimSilence(pcm(s), 400, 10);
    expect(trimmed.samples.length).toBe(50 + 2 * 10);
  });

  it('the chime is about 1.4 s and clearly audible', () => {
    const { seconds, rms } = measure(parseWav(chimeWav())!);
    expect(seconds).toBeCloseTo(1.4, 1);
    expect(rms).toBeGreaterThan(0.05);
  });

  it('recognises audio by its first bytes', () => {
    expect(sniffAudio(encodeWav(pcm([1, 2, 3, 4, 5, 6])))).toBe('audio/wav');
    expect(sniffAudio(Buffer.from('OggS\0\x02\0\0\0\0\0\0\0\0'))).toBe('audio/ogg');
    expect(sniffAudio(Buffer.from('ID3\x04\0\0\0\0\0\0\0\0', 'binary'))).toBe('audio/mpeg');
    expect(sniffAudio(Buffer.from([0xff, 0xfb, 0x90, 0x64, 0, 0, 0, 0, 0, 0, 0, 0]))).toBe('audio/mpeg');
    expect(sniffAudio(Buffer.from('<html><body>not audio</body></html>'))).toBeNull();
    expect(sniffAudio(Buffer.from([0xff, 0xfb]))).toBeNull();
  });
});
