import { TelephonyError, type TelephonyErrorCode } from '../provider';

/**
 * The `TelephonyErrorCode` for a SIP final response (RFC 3261 §21): 401/403/407 to a REGISTER or an
 * INVITE mean the PBX refused the account (`registration_refused`); 486 Busy Here, 600 Busy Everywhere,
 * 603 Decline and 480 Temporarily Unavailable mean the prospect's side refused (`call_rejected`);
 * 404/484/485/604 mean the number is wrong (`invalid_number`); anything else is the PBX failing
 * (`provider_unreachable`).
 */
export const sipStatusCode = (status: number): TelephonyErrorCode => {
  if (status === 401 || status === 403 || status === 407) return 'registration_refused';
  if (status === 480 || status === 486 || status === 600 || status === 603) return 'call_rejected';
  if (status === 404 || status === 484 || status === 485 || status === 604) return 'invalid_number';
  return 'provider_unreachable';
};

/** A `TelephonyError` for a SIP final response, its English detail naming the status and what to do. */
export const sipResponseError = (
  status: number,
  reason: string,
  during: 'register' | 'call',
): TelephonyError => {
  const code = sipStatusCode(status);
  const said = `${status} ${reason}`.trim();
  switch (code) {
    case 'registration_refused':
      return new TelephonyError(
        code,
        during === 'register'
          ? `The SIP server refused the sign-in (${said}). Check the SIP address, user name and password in Settings.`
          : `The SIP server refused the call for this account (${said}). Check the SIP settings or ask your PBX administrator.`,
      );
    case 'call_rejected':
      return new TelephonyError(
        code,
        `The prospect's side refused the call (${said}). Log the outcome and move on.`,
      );
    case 'invalid_number':
      return new TelephonyError(
        code,
        `The SIP server does not know this number (${said}). Check the lead's phone number.`,
      );
    default:
      return new TelephonyError(
        code,
        `The SIP server failed the request (${said}). Try again, or call with another provider.`,
      );
  }
};

/**
 * The `TelephonyError` for a failed `getUserMedia` (the DOMException names of Media Capture and
 * Streams §10): `NotAllowedError`/`SecurityError` → `mic_permission_denied`; `NotFoundError`,
 * `NotReadableError`, `OverconstrainedError`, `AbortError` → `mic_unavailable`. Anything else is null.
 */
export const microphoneError = (error: unknown): TelephonyError | null => {
  const name = error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') {
    return new TelephonyError(
      'mic_permission_denied',
      'Dialdeck may not use the microphone. Allow it in the system or browser settings, then call again.',
    );
  }
  if (
    name === 'NotFoundError' ||
    name === 'NotReadableError' ||
    name === 'OverconstrainedError' ||
    name === 'AbortError'
  ) {
    return new TelephonyError(
      'mic_unavailable',
      'No microphone can be opened. Plug one in or pick another in the device settings, then call again.',
    );
  }
  return null;
};
