/**
 * Free text that outlives the anonymisation of its record (staff notes, a complaint's title and body,
 * a cancel reason) loses what identifies the citizen: the record's own name (whole and word by word),
 * phone, e-mail and NIK wherever they appear, and any number long enough to be a phone or NIK, masked
 * or not (10 or more digits or asterisks; dates and receipt numbers are shorter), and any e-mail address.
 */
export const REMOVED = '[dihapus]';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Digits or asterisks, optionally +, with spaces/dots/dashes between: 10 or more of them. */
const LONG_NUMBER = /\+?[\d*](?:[ .-]?[\d*]){9,}/g;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;

export function scrubText(text: string, known: (string | null | undefined)[]): string {
  let out = text;
  const words = new Set<string>();
  const whole: string[] = [];
  for (const k of known) {
    const v = k?.trim();
    if (!v || v.length < 3) continue;
    whole.push(v);
    for (const w of v.split(/[^\p{L}\p{N}]+/u)) if (w.length >= 3 && !/^\d+$/.test(w)) words.add(w);
  }
  // Longest first, so a whole name goes before its words.
  for (const v of [...whole, ...words].sort((a, b) => b.length - a.length))
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(v)}(?![\\p{L}\\p{N}])`, 'giu'), REMOVED);
  return out.replace(EMAIL, REMOVED).replace(LONG_NUMBER, REMOVED);
}

/** `scrubText` over a nullable column: null stays null. */
export const scrubNullable = (text: string | null, known: (string | null | undefined)[]) =>
  text === null ? null : scrubText(text, known);
