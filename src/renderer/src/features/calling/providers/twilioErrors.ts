import { type QualityWarning, TelephonyError, type TelephonyErrorCode } from '../provider';

/**
 * The `TelephonyErrorCode` for a Twilio Voice SDK error code (Twilio's error dictionary):
 * 20104 AccessTokenExpired and 31205 JWT expired → `token_expired`; 20101/20151/31204 (token invalid)
 * → `token_expired` too, since a new token is the way forward; 31401 permission denied →
 * `mic_permission_denied`; 31402 acquisition failed → `mic_unavailable`; 31486 Busy Here, 31603
 * Decline, 31480 Temporarily Unavailable → `call_rejected`; 31404 Not Found → `invalid_number`;
 * everything else (31000–31009 connection, 53000+ signalling) → `provider_unreachable`.
 */
export const twilioErrorCode = (code: number | undefined): TelephonyErrorCode => {
  switch (code) {
    case 20101:
    case 20104:
    case 20151:
    case 31204:
    case 31205:
      return 'token_expired';
    case 31401:
      return 'mic_permission_denied';
    case 31402:
      return 'mic_unavailable';
    case 31480:
    case 31486:
    case 31603:
      return 'call_rejected';
    case 31404:
      return 'invalid_number';
    default:
      return 'provider_unreachable';
  }
};

const ADVICE: Record<TelephonyErrorCode, string> = {
  token_expired:
    'The Twilio access token ran out and could not be renewed. Check the sync sign-in, then call again.',
  mic_permission_denied:
    'Dialdeck may not use the microphone. Allow it in the system settings, then call again.',
  mic_unavailable: 'No microphone can be opened. Plug one in or pick another, then call again.',
  call_rejected: "The prospect's side refused the call. Log the outcome and move on.",
  invalid_number: "Twilio cannot reach this number. Check the lead's phone number.",
  provider_unreachable: 'Twilio cannot be reached. Check the network, or call with another provider.',
  registration_refused: 'Twilio refused this account. Ask your administrator to check the Twilio settings.',
  one_way_audio: 'Only one side of the call carries sound. Check the microphone and speaker, or call again.',
  twilio_not_signed_in: 'Twilio calls need the team server: sign in to it, then call again.',
  sip_not_set_up: 'SIP is not set up: enter the SIP server, address and password in Settings → Calling.',
};

/** A `TelephonyError` for a Twilio SDK error (`{ code, message }`), its detail naming Twilio's code. */
export const twilioError = (error: unknown): TelephonyError => {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const numeric = typeof code === 'number' ? code : undefined;
  const mapped = twilioErrorCode(numeric);
  const said = numeric ? ` (Twilio ${numeric}${typeof message === 'string' ? `: ${message}` : ''})` : '';
  return new TelephonyError(mapped, `${ADVICE[mapped]}${said}`);
};

/**
 * The `QualityWarning` for a Twilio call-quality warning name (the SDK's `warning` /
 * `warning-cleared` events), or null for one the call screen does not show: `high-rtt`, `high-jitter`,
 * `low-mos` as they are; `high-packet-loss` and `high-packets-lost-fraction` → `high-packet-loss`;
 * `constant-audio-input-level` (the microphone sends the same level: muted in hardware, or one-way
 * audio) → `constant-audio-level`; `constant-audio-output-level` and `low-bytes-received` →
 * `no-audio-received`.
 */
export const twilioWarning = (name: string): QualityWarning | null => {
  switch (name) {
    case 'high-rtt':
    case 'high-jitter':
    case 'low-mos':
      return name;
    case 'high-packet-loss':
    case 'high-packets-lost-fraction':
      return 'high-packet-loss';
    case 'constant-audio-input-level':
      return 'constant-audio-level';
    case 'constant-audio-output-level':
    case 'low-bytes-received':
      return 'no-audio-received';
    default:
      return null;
  }
};
