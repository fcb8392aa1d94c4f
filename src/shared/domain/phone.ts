/**
 * Indonesian mobile numbers as citizens type them — 0812-3456-7890, 62 812 3456 7890,
 * +62 (812) 3456-7890 — normalised to E.164 (+6281234567890), the form WhatsApp and SMS gateways
 * take. Only mobile numbers (national significant number 8…, 9–12 digits) can receive a message;
 * anything else (a landline, a letter, too few or too many digits) is refused.
 */

/** Spaces, dots, dashes and parentheses people put between digit groups. */
const SEPARATORS = /[\s.\-()]/g;
/** A mobile number after the country code: 8, then 8–11 more digits. */
const MOBILE = /^8\d{8,11}$/;

/** The number as +62…, or null when it is not an Indonesian mobile number. */
export function normalizeIndonesianPhone(input: string): string | null {
  if (input.length > 40) return null;
  const compact = input.trim().replace(SEPARATORS, '');
  let national: string;
  if (/^\+62\d+$/.test(compact)) national = compact.slice(3);
  else if (/^62\d+$/.test(compact)) national = compact.slice(2);
  else if (/^0\d+$/.test(compact)) national = compact.slice(1);
  else return null;
  return MOBILE.test(national) ? `+62${national}` : null;
}
