import type { TalkMetrics } from '../../../../shared/talk/metrics';

/** How the team reaches the phone network; the rep's setting picks one. */
export type ProviderKind = 'twilio' | 'sip' | 'system' | 'practice';

/**
 * A call's state as the rep sees it. `ringing` and `connected` are the prospect's leg (Twilio's
 * `answerOnBridge`, SIP's 180/200): `connected` means the prospect picked up.
 */
export type CallState =
  | 'idle'
  | 'connecting'
  | 'ringing'
  | 'connected'
  | 'reconnecting'
  | 'on-hold'
  | 'ended'
  | 'failed';

/** Why a call or a provider failed, each with a translated message that says what to do. */
export type TelephonyErrorCode =
  | 'mic_permission_denied'
  | 'mic_unavailable'
  | 'provider_unreachable'
  | 'token_expired'
  | 'registration_refused'
  | 'one_way_audio'
  | 'call_rejected'
  | 'invalid_number'
  /** Twilio needs the team server's access token, and this computer is not signed in to one. */
  | 'twilio_not_signed_in'
  /** SIP has no server, address or password saved in Settings → Calling. */
  | 'sip_not_set_up';

/** A call-quality warning the provider reports, shown with advice while it lasts. */
export type QualityWarning =
  | 'high-rtt'
  | 'high-jitter'
  | 'high-packet-loss'
  | 'low-mos'
  | 'constant-audio-level'
  | 'no-audio-received'
  /** The rep's microphone is refused (browser site permission or OS privacy setting): talk is not measured. */
  | 'mic-permission-denied'
  /** No microphone could be opened (none plugged in, or another app holds it): talk is not measured. */
  | 'mic-missing';

/** The warnings that mean the call has no microphone on the rep's side, so no talk figure can be true. */
export const NO_MIC_WARNINGS: ReadonlySet<QualityWarning> = new Set(['mic-permission-denied', 'mic-missing']);

export type AudioDeviceKind = 'audioinput' | 'audiooutput';

/** A microphone or speaker the rep can pick; `id` is the browser's `deviceId`. */
export type AudioDevice = { id: string; label: string; kind: AudioDeviceKind };

/**
 * The two sides of a connected call, for the talk/listen meter: `rep` is the local microphone as sent,
 * `prospect` the remote audio as received. A provider without audio (the system phone) has none.
 */
export type CallAudio = { rep: MediaStream; prospect: MediaStream };

/** What a provider tells the call screen; every listener is optional. */
export type ProviderEvents = {
  state: (state: CallState, detail?: { error?: TelephonyErrorCode }) => void;
  audio: (audio: CallAudio) => void;
  warning: (warning: QualityWarning, active: boolean) => void;
  error: (code: TelephonyErrorCode, message?: string) => void;
};

/** One outgoing call to a lead: `to` is E.164 (optionally with `;ext=`), `leadId` the lead it is for. */
export type DialRequest = { to: string; leadId: string; callId: string };

/**
 * A way to reach the phone network from the renderer (Twilio, SIP over WebSocket, the system phone,
 * or the practice prospect). One call at a time. Methods reject with an `Error` whose `code` is a
 * `TelephonyErrorCode`; the call screen shows its translated message and offers another provider.
 */
export type TelephonyProvider = {
  readonly kind: ProviderKind;
  /** True when the provider carries the call's audio (the meter runs); false for the system phone. */
  readonly hasAudio: boolean;
  /** Prepares the provider (token, registration, devices); resolves when calls can be placed. */
  ready(): Promise<void>;
  dial(request: DialRequest): Promise<void>;
  hangup(): void;
  mute(muted: boolean): void;
  hold(held: boolean): Promise<void>;
  /** Sends DTMF digits (`0-9`, `*`, `#`, `w` = half-second pause) on the connected call. */
  sendDigits(digits: string): void;
  devices(): Promise<AudioDevice[]>;
  setInputDevice(deviceId: string): Promise<void>;
  setOutputDevice(deviceId: string): Promise<void>;
  on<E extends keyof ProviderEvents>(event: E, listener: ProviderEvents[E]): () => void;
  /** Releases devices, registrations and sockets. */
  dispose(): Promise<void>;
};

/** What the call screen keeps of an ended call, to log with its outcome. */
export type EndedCall = {
  callId: string;
  leadId: string;
  provider: ProviderKind;
  durationSeconds: number;
  metrics: TalkMetrics | null;
};

/**
 * The error a provider's methods reject with: `code` picks the translated message the call screen
 * shows; `message` is the provider's own detail (English, for logs and the "details" line).
 */
export class TelephonyError extends Error {
  readonly code: TelephonyErrorCode;

  constructor(code: TelephonyErrorCode, message: string) {
    super(message);
    this.name = 'TelephonyError';
    this.code = code;
  }
}

/** True for a `TelephonyError` (or any error carrying one of its codes across a realm boundary). */
export const isTelephonyError = (error: unknown): error is TelephonyError =>
  error instanceof TelephonyError ||
  (error instanceof Error &&
    typeof (error as { code?: unknown }).code === 'string' &&
    error.name === 'TelephonyError');
