import type { TFunction } from 'i18next';
import { ApiError } from './api';

/** What a screen knows about the service an error is about, for "where to go instead". */
export interface ErrorContext {
  agency?: string;
  hotline?: string | null;
}

/**
 * The message a person reads for a failed request: the error code's text in the screen's language,
 * with what they can do next. The server's message is never shown as-is (it is for logs and API
 * clients: English tails, schema paths). An unknown code falls back to a general message.
 */
export function errorText(t: TFunction, err: unknown, ctx: ErrorContext = {}): string {
  const code = err instanceof ApiError ? (err.status === 0 ? 'NETWORK' : err.code) : 'fallback';
  if (code === 'SERVICE_NOT_SERVED' && ctx.agency)
    return t(ctx.hotline ? 'errors.SERVICE_NOT_SERVED_HOTLINE' : 'errors.SERVICE_NOT_SERVED', {
      agency: ctx.agency,
      hotline: ctx.hotline ?? '',
    });
  if (code === 'SERVICE_NOT_SERVED') return t('errors.SERVICE_NOT_SERVED', { agency: '—' });
  const key = `errors.${code}`;
  const text = t(key, { defaultValue: '' });
  return text && text !== key ? text : t('errors.fallback');
}
