import type { ErrorCode } from '@shared/api';

/** The HTTP status each error code the server answers with maps to. */
const statusOf: Partial<Record<ErrorCode, number>> = {
  invalid_input: 400,
  unauthorized: 401,
  inbound_signature_invalid: 401,
  inbound_timestamp_stale: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  user_email_taken: 409,
  user_removed: 409,
  handoff_reason_required: 400,
  script_unknown_variable: 400,
  dnc_invalid_value: 400,
  handoff_not_yours: 403,
  handoff_already_decided: 409,
  inbound_replayed: 409,
  rate_limited: 429,
  console_sign_in_failed: 401,
  console_session_ended: 401,
  console_csrf_invalid: 403,
  console_link_used: 410,
  console_link_expired: 410,
  sync_protocol_outdated: 426,
  twilio_not_configured: 409,
  twilio_signature_invalid: 403,
  secret_key_mismatch: 503,
  server_database_unreachable: 503,
};

/**
 * An error the server answers with `{error:{code,message,details?}}`: a stable `ErrorCode` (see
 * `src/shared/api/contract.ts`) and an English message that says what to do. Status from the code.
 */
export class ServerError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ServerError';
  }

  get status(): number {
    return statusOf[this.code] ?? 500;
  }

  toBody(): { error: { code: ErrorCode; message: string; details?: unknown } } {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}
