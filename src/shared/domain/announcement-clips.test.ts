import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHIME, CLIP_VOCABULARY, clipUrl, spokenTextToClips } from './announcement-clips.js';
import { spokenAnnouncement } from './number-words.js';

const manifest = {
  clipBase: '/api/v1/malls/demo/announcements/clips/',
  synthVersion: 'syn1',
  recorded: { 'nomor-antrean': { ext: 'mp3', version: 'abc' } },
};

describe('spokenTextToClips', () => {
  it('splits a call into phrase and word clips, in order', () => {
    expect(spokenTextToClips('Nomor antrean be tujuh belas, silakan menuju loket tiga.')).toEqual([
      'nomor-antrean',
      'be',
      'tujuh',
      'belas',
      'silakan-menuju-loket',
      'tiga',
    ]);
    expect(spokenTextToClips(spokenAnnouncement('KB-100', 12))).toEqual([
      'nomor-antrean',
      'ka',
      'be',
      'seratus',
      'silakan-menuju-loket',
      'dua',
      'belas',
    ]);
  });

  it('leaves out words outside the vocabulary (never synthesised on demand)', () => {
    expect(spokenTextToClips('Nomor antrean a satu, silakan menuju loket dua, Dukcapil!')).toEqual([
      'nomor-antrean',
      'a',
      'satu',
      'silakan-menuju-loket',
      'dua',
    ]);
    expect(spokenTextToClips('')).toEqual([]);
  });

  it('covers every word of every call sentence (any prefix, number and counter)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Z]{1,4}$/),
        fc.integer({ min: 0, max: 999_999 }),
        fc.integer({ min: 0, max: 9999 }),
        (prefix, n, counter) => {
          const spoken = spokenAnnouncement(`${prefix}-${n}`, counter);
          const clips = spokenTextToClips(spoken);
          expect(clips.every((c) => CLIP_VOCABULARY.includes(c))).toBe(true);
          // Nothing dropped: the clips spell out the sentence word for word.
          const words = spoken
            .toLowerCase()
            .replace(/[^a-z ]/g, '')
            .split(/\s+/)
            .filter(Boolean);
          expect(clips.join(' ').replace(/-/g, ' ')).toBe(words.join(' '));
        },
      ),
    );
  });

  it('the vocabulary has the chime and no duplicates', () => {
    expect(CLIP_VOCABULARY).toContain(CHIME);
    expect(new Set(CLIP_VOCABULARY).size).toBe(CLIP_VOCABULARY.length);
  });
});

describe('clipUrl', () => {
  it('names the recording with its type and version, else the synthesised WAV', () => {
    expect(clipUrl(manifest, 'nomor-antrean')).toBe(
      '/api/v1/malls/demo/announcements/clips/nomor-antrean.mp3?v=abc',
    );
    expect(clipUrl(manifest, 'tiga')).toBe('/api/v1/malls/demo/announcements/clips/tiga.wav?v=syn1');
  });
});
