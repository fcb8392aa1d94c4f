import { describe, expect, it } from 'vitest';
import { announcementText, numberToWords, parseTicketNumber, spokenAnnouncement } from './number-words.js';

describe('numberToWords', () => {
  it.each([
    [0, 'nol'],
    [1, 'satu'],
    [10, 'sepuluh'],
    [11, 'sebelas'],
    [12, 'dua belas'],
    [17, 'tujuh belas'],
    [20, 'dua puluh'],
    [21, 'dua puluh satu'],
    [99, 'sembilan puluh sembilan'],
    [100, 'seratus'],
    [101, 'seratus satu'],
    [111, 'seratus sebelas'],
    [200, 'dua ratus'],
    [999, 'sembilan ratus sembilan puluh sembilan'],
    [1000, 'seribu'],
    [1001, 'seribu satu'],
    [2000, 'dua ribu'],
    [11000, 'sebelas ribu'],
    [100000, 'seratus ribu'],
    [1_000_000, 'satu juta'],
    [2_500_000, 'dua juta lima ratus ribu'],
    [1_000_000_000, 'satu miliar'],
  ])('%i → %s', (n, words) => expect(numberToWords(n)).toBe(words));

  it('rejects negatives and fractions', () => {
    expect(() => numberToWords(-1)).toThrow(RangeError);
    expect(() => numberToWords(1.5)).toThrow(RangeError);
  });
});

describe('announcement', () => {
  it('reads the issue example', () => {
    expect(announcementText('B-017', 3)).toBe('Nomor antrean B tujuh belas, silakan menuju loket tiga.');
  });
  it('drops leading zeros and spells letters for speech', () => {
    expect(spokenAnnouncement('A-001', 12)).toBe('Nomor antrean a satu, silakan menuju loket dua belas.');
    expect(spokenAnnouncement('KB-100', 1)).toBe('Nomor antrean ka be seratus, silakan menuju loket satu.');
  });
  it('parses ticket numbers with or without a dash', () => {
    expect(parseTicketNumber('b017')).toEqual({ prefix: 'B', value: 17 });
    expect(parseTicketNumber('nope')).toBeNull();
  });
});
