/**
 * Staff type free text (call and transfer reasons, finish notes, cancel reasons). Officers paste what
 * is in front of them, often a citizen's NIK or phone number; stored as typed, the audit trail would
 * become a register of identity numbers. These helpers mask such numbers before anything is stored
 * or logged, keeping just enough to tell two citizens apart in a conversation (3204********0001,
 * +62812****7890).
 */

const SEP = '[ .-]?';
/** 16 digits (optionally grouped by spaces, dots or dashes) not part of a longer digit run: a NIK. */
const NIK = new RegExp(`(?<![\\d*])\\d(?:${SEP}\\d){15}(?![\\d*])`, 'g');
/** An Indonesian mobile number: +62 / 62 / 0, then 8 and 8–11 more digits (operators' 9–12 digit numbers). */
const PHONE = new RegExp(`(?<![\\d*+])(?:\\+62|62|0)${SEP}8(?:${SEP}\\d){7,11}(?![\\d*])`, 'g');

/** Replaces digits at positions [keepHead, total - keepTail) with '*', leaving separators as typed. */
function maskDigits(text: string, keepHead: number, keepTail: number): string {
  const total = (text.match(/\d/g) ?? []).length;
  let seen = 0;
  return text.replace(/\d/g, (d) => {
    const i = seen++;
    return i < keepHead || i >= total - keepTail ? d : '*';
  });
}

/** Masks a NIK's middle 8 digits: 3204********0001. */
export function maskNik(nik: string): string {
  return maskDigits(nik, 4, 4);
}

/** Masks a mobile number's middle, keeping the country/trunk prefix with the operator code and the last 4. */
export function maskPhone(phone: string): string {
  const digits = (phone.match(/\d/g) ?? []).join('');
  const prefix = digits.startsWith('62') ? 2 : 1; // +62 / 62 or the trunk 0
  return maskDigits(phone, prefix + 3, 4);
}

/** Masks every NIK-like and phone-like number in free text; everything else is left as typed. */
export function maskPersonalNumbers(text: string): string {
  return text.replace(NIK, maskNik).replace(PHONE, maskPhone);
}

/** Whether text still holds an unmasked NIK- or phone-like number (for tests and log checks). */
export function hasPersonalNumber(text: string): boolean {
  return new RegExp(NIK.source).test(text) || new RegExp(PHONE.source).test(text);
}

/** Masks an e-mail address's local part after its first letter and the domain's name: w***@g***.com. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  const host = dot > 0 ? domain.slice(0, dot) : domain;
  const tld = dot > 0 ? domain.slice(dot) : '';
  return `${local[0]}***@${host[0] ?? ''}***${tld}`;
}
