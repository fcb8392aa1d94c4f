import { maskPersonalNumbers } from '../../../shared/domain/mask-personal.js';

const EMAIL = /([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\.[A-Za-z]{2,})/g;

/** Masks an e-mail address for lists and logs: b***@example.go.id. */
export function maskEmail(address: string): string {
  return address.replace(EMAIL, '$1***@$2');
}

/**
 * A gateway's or SMTP server's error text may echo the address it refused; what is stored as
 * `last_error` and logged has phone numbers, NIKs and e-mail addresses masked, and is kept short.
 */
export function redactError(text: string): string {
  const masked = maskEmail(maskPersonalNumbers(text));
  return masked.length > 500 ? `${masked.slice(0, 500)}…` : masked;
}
