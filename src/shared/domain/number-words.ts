/**
 * Indonesian number words and the spoken queue-call announcement (domain/README.md §6).
 * Pure functions shared by the server (announcement text on events) and the display screen.
 */
const UNITS = ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'];
const SCALES: [number, string][] = [
  [1_000_000_000_000, 'triliun'],
  [1_000_000_000, 'miliar'],
  [1_000_000, 'juta'],
];

function below1000(n: number): string {
  const parts: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 1) parts.push('seratus');
  else if (hundreds > 1) parts.push(`${UNITS[hundreds]} ratus`);
  if (rest > 0) {
    if (rest < 10) parts.push(UNITS[rest]!);
    else if (rest === 10) parts.push('sepuluh');
    else if (rest === 11) parts.push('sebelas');
    else if (rest < 20) parts.push(`${UNITS[rest - 10]} belas`);
    else {
      const tens = Math.floor(rest / 10);
      const ones = rest % 10;
      parts.push(`${UNITS[tens]} puluh`);
      if (ones > 0) parts.push(UNITS[ones]!);
    }
  }
  return parts.join(' ');
}

/** 17 → "tujuh belas", 100 → "seratus", 1000 → "seribu", 2_500_000 → "dua juta lima ratus ribu". */
export function numberToWords(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError('expected a non-negative safe integer');
  if (n === 0) return 'nol';
  const parts: string[] = [];
  let rest = n;
  for (const [value, word] of SCALES) {
    if (rest >= value) {
      parts.push(`${numberToWords(Math.floor(rest / value))} ${word}`);
      rest %= value;
    }
  }
  if (rest >= 1000) {
    const thousands = Math.floor(rest / 1000);
    parts.push(thousands === 1 ? 'seribu' : `${below1000(thousands)} ribu`);
    rest %= 1000;
  }
  if (rest > 0) parts.push(below1000(rest));
  return parts.join(' ');
}

const LETTERS: Record<string, string> = {
  A: 'a',
  B: 'be',
  C: 'ce',
  D: 'de',
  E: 'e',
  F: 'ef',
  G: 'ge',
  H: 'ha',
  I: 'i',
  J: 'je',
  K: 'ka',
  L: 'el',
  M: 'em',
  N: 'en',
  O: 'o',
  P: 'pe',
  Q: 'ki',
  R: 'er',
  S: 'es',
  T: 'te',
  U: 'u',
  V: 've',
  W: 'we',
  X: 'eks',
  Y: 'ye',
  Z: 'zet',
};

/** Speaks a letter prefix by Indonesian letter names: "B" → "be", "AB" → "a be". */
export function spellLetters(prefix: string): string {
  return [...prefix.toUpperCase()]
    .map((ch) => LETTERS[ch] ?? (/\d/.test(ch) ? numberToWords(Number(ch)) : ''))
    .filter(Boolean)
    .join(' ');
}

/** Splits "B-017" into its prefix and number; the number is read without leading zeros. */
export function parseTicketNumber(ticket: string): { prefix: string; value: number } | null {
  const m = /^\s*([A-Za-z]{1,4})\s*-?\s*(\d{1,6})\s*$/.exec(ticket);
  if (!m) return null;
  return { prefix: m[1]!.toUpperCase(), value: Number.parseInt(m[2]!, 10) };
}

/**
 * The display text of a call: "Nomor antrean B tujuh belas, silakan menuju loket tiga."
 * The prefix is written as the letter (screens show it; speech engines read single letters by their
 * Indonesian names), `spokenAnnouncement` spells letters out for engines that do not.
 */
export function announcementText(ticket: string, counterNumber: number, suffix?: string): string {
  const parsed = parseTicketNumber(ticket);
  if (!parsed) throw new RangeError(`not a ticket number: ${ticket}`);
  const tail = suffix ? `, ${suffix}` : '';
  return `Nomor antrean ${parsed.prefix} ${numberToWords(parsed.value)}, silakan menuju loket ${numberToWords(counterNumber)}${tail}.`;
}

/** The same sentence with the letters spelled by their Indonesian names, for text-to-speech. */
export function spokenAnnouncement(ticket: string, counterNumber: number, suffix?: string): string {
  const parsed = parseTicketNumber(ticket);
  if (!parsed) throw new RangeError(`not a ticket number: ${ticket}`);
  const tail = suffix ? `, ${suffix}` : '';
  return `Nomor antrean ${spellLetters(parsed.prefix)} ${numberToWords(parsed.value)}, silakan menuju loket ${numberToWords(counterNumber)}${tail}.`;
}
