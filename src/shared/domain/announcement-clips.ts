/**
 * The recorded-or-synthesised word clips an announcement is made of (domain/README.md §6).
 * Pure and shared: the server serves and synthesises clips by these keys, the display board plays
 * `chime` and then `spokenTextToClips(spokenText)` in order, and the admin screen lists which of the
 * vocabulary a mall has recorded.
 */

/** Fixed phrases spoken as one clip (a human reads them more naturally in one breath). */
const PHRASES: string[][] = [
  ['nomor', 'antrean'],
  ['silakan', 'menuju', 'loket'],
];

/** The clip played before every call. */
export const CHIME = 'chime';

const LETTER_NAMES = [
  'a',
  'be',
  'ce',
  'de',
  'e',
  'ef',
  'ge',
  'ha',
  'i',
  'je',
  'ka',
  'el',
  'em',
  'en',
  'o',
  'pe',
  'ki',
  'er',
  'es',
  'te',
  'u',
  've',
  'we',
  'eks',
  'ye',
  'zet',
];
const NUMBER_WORDS = [
  'nol',
  'satu',
  'dua',
  'tiga',
  'empat',
  'lima',
  'enam',
  'tujuh',
  'delapan',
  'sembilan',
  'sepuluh',
  'sebelas',
  'belas',
  'puluh',
  'seratus',
  'ratus',
  'seribu',
  'ribu',
  'juta',
];

/**
 * Every clip a call between A-1 and ZZZZ-999999 at counters up to 9999 can need: what a mall records
 * to have its own human voice throughout. Words outside it (a service or zone name after the call)
 * are synthesised.
 */
export const CLIP_VOCABULARY: readonly string[] = [
  CHIME,
  ...PHRASES.map((p) => p.join('-')),
  ...LETTER_NAMES,
  ...NUMBER_WORDS.filter((w) => !LETTER_NAMES.includes(w)),
];

const VOCABULARY = new Set(CLIP_VOCABULARY);

export function inVocabulary(key: string): boolean {
  return VOCABULARY.has(key);
}

/** A clip key: lower-case ASCII words joined by hyphens (safe in a URL and a file name). */
export const CLIP_KEY = /^[a-z]+(?:-[a-z]+)*$/;
export const CLIP_KEY_MAX = 48;

export function isClipKey(key: string): boolean {
  return key.length <= CLIP_KEY_MAX && CLIP_KEY.test(key);
}

/** Lower-case ASCII words: accents dropped, digits and punctuation are word breaks. */
function words(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean);
}

/**
 * "Nomor antrean be tujuh belas, silakan menuju loket tiga." →
 * ["nomor-antrean", "be", "tujuh", "belas", "silakan-menuju-loket", "tiga"].
 * The known phrases become one clip each, every other word its own clip; the chime is not included.
 * Words outside the vocabulary are left out: the server synthesises only the vocabulary (a public
 * endpoint must not run the synthesiser for any string), and every call sentence is inside it.
 */
export function spokenTextToClips(spokenText: string): string[] {
  const ws = words(spokenText);
  const out: string[] = [];
  for (let i = 0; i < ws.length; ) {
    const phrase = PHRASES.find((p) => p.every((w, j) => ws[i + j] === w));
    if (phrase) {
      out.push(phrase.join('-'));
      i += phrase.length;
    } else {
      const w = ws[i]!;
      if (VOCABULARY.has(w)) out.push(w);
      i += 1;
    }
  }
  return out;
}

/** The text a speech engine reads for a clip key. */
export function clipText(key: string): string {
  return key.replace(/-/g, ' ');
}

/** Where a display fetches a clip: the mall's recording when it has one, else the synthesised word. */
export function clipUrl(
  manifest: {
    clipBase: string;
    synthVersion: string;
    recorded: Record<string, { ext: string; version: string }>;
  },
  key: string,
): string {
  const rec = manifest.recorded[key];
  return rec
    ? `${manifest.clipBase}${key}.${rec.ext}?v=${encodeURIComponent(rec.version)}`
    : `${manifest.clipBase}${key}.wav?v=${encodeURIComponent(manifest.synthVersion)}`;
}
