import type { ApiErrorShape, ErrorCode, ErrorParams } from '@shared/api';

/**
 * An error a user can meet: a stable code and a message that says what to do. `params` carries the
 * values the translated message for the code fills in (e.g. `path`), so the interface can show it in
 * the user's language.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly params?: ErrorParams,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toShape(): ApiErrorShape {
    return {
      code: this.code,
      message: this.message,
      ...(this.params === undefined ? {} : { params: this.params }),
      ...(this.details === undefined ? {} : { details: this.details }),
    };
  }
}
