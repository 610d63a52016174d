/**
 * Typed error codes shared by commands, route handlers, server actions and the realtime layer.
 * The message shown to people comes from the `errors` namespace of the message files (by code);
 * `message` here is the English fallback for logs and API clients that ignore localisation.
 */
export const errorStatus = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  network_not_active: 409,
  last_coordinator: 409,
  email_taken: 409,
  last_admin: 409,
  too_many_attempts: 429,
  invalid_credentials: 401,
  account_disabled: 403,
  token_invalid: 400,
  think_tank_not_open: 409,
  board_closed: 409,
  version_conflict: 409,
  vote_budget_exceeded: 409,
  rate_limited: 429,
  payload_too_large: 413,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** Field name → message keys (in the `fieldErrors` namespace) or plain messages from zod. */
export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldErrors | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(code: ErrorCode, message?: string, options: { fields?: FieldErrors; retryAfterSeconds?: number } = {}) {
    super(message ?? code);
    this.name = "AppError";
    this.code = code;
    this.fields = options.fields;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
