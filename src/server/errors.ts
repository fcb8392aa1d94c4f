/**
 * One error type for the whole server. Codes are a closed union; one table maps them to HTTP
 * statuses, and one handler (app.ts) shapes every error response as {error:{code,message,requestId}}.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  BAD_URL: 400,
  INVALID_JSON: 400,
  PAIRING_CODE_INVALID: 400,
  INVALID_PHONE: 400,
  UNAUTHENTICATED: 401,
  DEVICE_REQUIRED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  ONLINE_QUEUE_UNAVAILABLE: 403,
  NOT_FOUND: 404,
  MALL_NOT_FOUND: 404,
  AGENCY_NOT_FOUND: 404,
  SERVICE_NOT_FOUND: 404,
  COUNTER_NOT_FOUND: 404,
  USER_NOT_FOUND: 404,
  TICKET_NOT_FOUND: 404,
  CLIP_NOT_FOUND: 404,
  DEVICE_NOT_FOUND: 404,
  API_KEY_NOT_FOUND: 404,
  WEBHOOK_NOT_FOUND: 404,
  MESSAGE_NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  CONFLICT: 409,
  PAIRING_CODE_USED: 409,
  PAIRING_CODE_EXPIRED: 410,
  USERNAME_TAKEN: 409,
  SLUG_TAKEN: 409,
  ILLEGAL_TRANSITION: 409,
  TICKET_ALREADY_CALLED: 409,
  TICKET_NOT_WAITING: 409,
  COUNTER_CLOSED: 409,
  MALL_CLOSED: 409,
  OUTSIDE_OPENING_HOURS: 409,
  AFTER_CUTOFF: 409,
  QUOTA_EXHAUSTED: 409,
  MESSAGE_NOT_FAILED: 409,
  SERVICE_NOT_SERVED: 422,
  SERVICE_RETIRED: 422,
  UNPROCESSABLE: 422,
  IMPORT_INVALID: 422,
  TEMPLATE_INVALID: 422,
  PAYLOAD_TOO_LARGE: 413,
  URI_TOO_LONG: 414,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TOO_MANY_REQUESTS: 429,
  RATE_LIMITED: 429,
  LOGIN_THROTTLED: 429,
  LOGIN_DELAYED: 429,
  INTERNAL: 500,
  DATABASE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.status = ERROR_STATUS[code];
  }
}

/** Shorthand for the common "unknown X" case. */
export const notFound = (code: ErrorCode, what: string): AppError =>
  new AppError(code, `${what} tidak ditemukan (not found).`);
