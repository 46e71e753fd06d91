import { Call, Device } from '@twilio/voice-sdk';
import {
  type AudioDevice,
  type CallState,
  type DialRequest,
  TelephonyError,
  type TelephonyProvider,
} from '../provider';
import { createProviderEvents } from './providerEvents';
import { twilioError, twilioWarning } from './twilioErrors';

/** The SDK's EventEmitter listener: each event passes its own arguments (see the SDK's Call and Device events). */
// biome-ignore lint/suspicious/noExplicitAny: Node's EventEmitter listener type, as the SDK declares it.
type SdkListener = (...args: any[]) => void;

/** A Voice access token from the team server (`telephony.twilioToken`); `expiresAt` is UTC epoch ms. */
export type TwilioToken = { token: string; expiresAt: number };

/** The part of the SDK's `Call` the provider uses (the SDK's class satisfies it). */
export type TwilioCall = {
  on(event: string, listener: SdkListener): unknown;
  mute(shouldMute?: boolean): void;
  disconnect(): void;
  sendDigits(digits: string): void;
  getLocalStream(): MediaStream | undefined;
  getRemoteStream(): MediaStream | undefined;
};

/** The part of the SDK's `AudioHelper` (`device.audio`) the provider uses. */
export type TwilioAudio = {
  availableInputDevices: Map<string, MediaDeviceInfo>;
  availableOutputDevices: Map<string, MediaDeviceInfo>;
  setInputDevice(deviceId: string): Promise<void>;
  unsetInputDevice(): Promise<void>;
  speakerDevices: { set(deviceIdOrIds: string | string[]): Promise<void> };
};

/** The part of the SDK's `Device` the provider uses (the SDK's class satisfies it). */
export type TwilioDevice = {
  readonly audio: TwilioAudio | null;
  on(event: string, listener: SdkListener): unknown;
  connect(options: { params: Record<string, string> }): Promise<TwilioCall>;
  updateToken(token: string): void;
  destroy(): void;
};

/** Makes the Device; the SDK's `new Device(token, options)` unless a test gives a fake of Twilio's cloud. */
export type TwilioDeviceFactory = (token: string, options: Device.Options) => TwilioDevice;

export type TwilioProviderOptions = {
  /** Fetches a fresh access token from the team server (through the core; the renderer holds no server token). */
  fetchToken: () => Promise<TwilioToken>;
  createDevice?: TwilioDeviceFactory;
  /** Wall-clock time, UTC epoch ms (tests move it). */
  now?: () => number;
  /** Wait between tries to renew a token while the server cannot be reached, ms (default 15 000). */
  renewRetryMs?: number;
};

/** Ask for a new token this long before the old one ends, ms (the SDK's `tokenWillExpire` lead). */
export const TOKEN_REFRESH_MS = 60_000;

const E164 = /^\+[1-9]\d{6,14}$/;

const sdkDevice: TwilioDeviceFactory = (token, options) => new Device(token, options);

/**
 * The Twilio provider on `@twilio/voice-sdk` 2.x. `ready()` fetches an access token from the team
 * server and makes the `Device` (Opus first, then PCMU; signalling errors with their SIP precision);
 * `dial` connects with `{ To, LeadId, CallId }`, which the server's TwiML webhook answers with
 * `<Dial answerOnBridge>`, so `ringing` and `connected` are the prospect's leg. `tokenWillExpire`
 * renews the token with `updateToken` (retrying while the server is unreachable, `token_expired` once
 * it has ended); `reconnecting`/`reconnected` and the SDK's quality warnings are passed on; after every
 * call the microphone is released (`unsetInputDevice`). Hold is local (microphone and speaker off),
 * since the Voice SDK has no hold of its own. An `;ext=` extension is keyed in once the call connects.
 *
 * Errors (`TelephonyError`): `token_expired`, `mic_permission_denied`, `mic_unavailable`,
 * `call_rejected`, `invalid_number`, `provider_unreachable` (see `twilioErrorCode`).
 */
export const createTwilioProvider = (options: TwilioProviderOptions): TelephonyProvider => {
  const events = createProviderEvents();
  const createDevice = options.createDevice ?? sdkDevice;
  const now = options.now ?? Date.now;
  const renewRetryMs = options.renewRetryMs ?? 15_000;

  let device: TwilioDevice | null = null;
  let preparing: Promise<TwilioDevice> | null = null;
  let expiresAt = 0;
  let renewTimer: ReturnType<typeof setTimeout> | null = null;
  let call: TwilioCall | null = null;
  let callState: CallState = 'idle';
  let muted = false;
  let held = false;
  let failed = false;
  let inputDeviceId: string | null = null;
  let remoteAudio: MediaStream | null = null;

  const setState = (state: CallState, error?: TelephonyError) => {
    if (state === callState && !error) return;
    callState = state;
    events.emit('state', state, error ? { error: error.code } : undefined);
  };

  const fail = (error: TelephonyError) => {
    failed = true;
    events.emit('error', error.code, error.message);
    setState('failed', error);
  };

  const renew = async (): Promise<void> => {
    renewTimer = null;
    const current = device;
    if (!current) return;
    try {
      const next = await options.fetchToken();
      expiresAt = next.expiresAt;
      current.updateToken(next.token);
    } catch {
      if (now() >= expiresAt) {
        fail(twilioError({ code: 20104 }));
        return;
      }
      renewTimer = setTimeout(() => void renew(), Math.min(renewRetryMs, Math.max(0, expiresAt - now())));
    }
  };

  const prepare = async (): Promise<TwilioDevice> => {
    let token: TwilioToken;
    try {
      token = await options.fetchToken();
    } catch (error) {
      if (error instanceof TelephonyError) throw error;
      throw new TelephonyError(
        'provider_unreachable',
        `No Twilio access token: the team server did not give one (${error instanceof Error ? error.message : String(error)}). Check the sync sign-in, or call with another provider.`,
      );
    }
    expiresAt = token.expiresAt;
    const made = createDevice(token.token, {
      codecPreferences: [Call.Codec.Opus, Call.Codec.PCMU],
      closeProtection: true,
      enableImprovedSignalingErrorPrecision: true,
      tokenRefreshMs: TOKEN_REFRESH_MS,
      logLevel: 'error',
    });
    made.on('tokenWillExpire', () => {
      void renew();
    });
    made.on('error', (error: unknown) => {
      const mapped = twilioError(error);
      if (call || mapped.code === 'token_expired') fail(mapped);
      else events.emit('error', mapped.code, mapped.message);
    });
    device = made;
    return made;
  };

  const releaseInput = () => {
    device?.audio?.unsetInputDevice().catch(() => undefined);
  };

  const applyAudio = () => {
    call?.mute(muted || held);
    for (const track of remoteAudio?.getAudioTracks() ?? []) track.enabled = !held;
  };

  const watch = (placed: TwilioCall, extension: string) => {
    const mine = () => call === placed;
    placed.on('ringing', () => {
      if (mine()) setState('ringing');
    });
    placed.on('accept', () => {
      if (!mine()) return;
      setState('connected');
      const rep = placed.getLocalStream();
      const prospect = placed.getRemoteStream();
      remoteAudio = prospect ?? null;
      if (rep && prospect) events.emit('audio', { rep, prospect });
      if (extension) placed.sendDigits(`ww${extension}`);
    });
    placed.on('reconnecting', () => {
      if (mine()) setState('reconnecting');
    });
    placed.on('reconnected', () => {
      if (mine()) setState(held ? 'on-hold' : 'connected');
    });
    placed.on('warning', (name: string) => {
      const warning = twilioWarning(name);
      if (warning && mine()) events.emit('warning', warning, true);
    });
    placed.on('warning-cleared', (name: string) => {
      const warning = twilioWarning(name);
      if (warning && mine()) events.emit('warning', warning, false);
    });
    placed.on('error', (error: unknown) => {
      if (mine()) fail(twilioError(error));
    });
    const finish = () => {
      if (!mine()) return;
      call = null;
      remoteAudio = null;
      held = false;
      releaseInput();
      if (!failed) setState('ended');
    };
    placed.on('disconnect', finish);
    placed.on('cancel', finish);
    placed.on('reject', finish);
  };

  const provider: TelephonyProvider = {
    kind: 'twilio',
    hasAudio: true,

    async ready() {
      if (device) return;
      preparing ??= prepare().finally(() => {
        preparing = null;
      });
      await preparing;
    },

    async dial(request: DialRequest) {
      if (call)
        throw new TelephonyError(
          'call_rejected',
          'A call is already under way. Hang up before dialling again.',
        );
      const [to = '', ...parameters] = request.to.trim().split(';');
      const extension = parameters.find((parameter) => parameter.startsWith('ext='))?.slice(4) ?? '';
      if (!E164.test(to) || !/^[0-9*#]*$/.test(extension)) {
        throw new TelephonyError(
          'invalid_number',
          `${request.to} is not a phone number in international form (such as +14155550100). Fix the lead's number, then call again.`,
        );
      }
      await provider.ready();
      const current = device;
      if (!current) throw new TelephonyError('provider_unreachable', 'Twilio is not ready. Try again.');
      if (now() >= expiresAt) {
        await renew();
        if (now() >= expiresAt) throw twilioError({ code: 20104 });
      }
      failed = false;
      muted = false;
      held = false;
      callState = 'idle';
      setState('connecting');
      if (inputDeviceId) {
        await current.audio?.setInputDevice(inputDeviceId).catch(() => undefined);
      }
      let placed: TwilioCall;
      try {
        placed = await current.connect({
          params: { To: to, LeadId: request.leadId, CallId: request.callId },
        });
      } catch (error) {
        const mapped = twilioError(error);
        fail(mapped);
        releaseInput();
        throw mapped;
      }
      call = placed;
      watch(placed, extension);
    },

    hangup() {
      call?.disconnect();
    },

    mute(next: boolean) {
      muted = next;
      applyAudio();
    },

    async hold(next: boolean) {
      if (!call || held === next) return;
      held = next;
      applyAudio();
      setState(held ? 'on-hold' : 'connected');
    },

    sendDigits(digits: string) {
      const keys = digits.replace(/[^0-9*#w]/gi, '').toLowerCase();
      if (call && keys) call.sendDigits(keys);
    },

    async devices(): Promise<AudioDevice[]> {
      await provider.ready();
      const audio = device?.audio;
      if (!audio) return [];
      const list = (map: Map<string, MediaDeviceInfo>, kind: AudioDevice['kind']) =>
        [...map.values()].map((info, index) => ({
          id: info.deviceId,
          label: info.label || `${kind === 'audioinput' ? 'Microphone' : 'Speaker'} ${index + 1}`,
          kind,
        }));
      return [
        ...list(audio.availableInputDevices, 'audioinput'),
        ...list(audio.availableOutputDevices, 'audiooutput'),
      ];
    },

    async setInputDevice(deviceId: string) {
      inputDeviceId = deviceId;
      // Between calls the choice waits for the next dial, so the microphone stays closed meanwhile.
      if (!call) return;
      try {
        await device?.audio?.setInputDevice(deviceId);
      } catch (error) {
        throw twilioError(error);
      }
    },

    async setOutputDevice(deviceId: string) {
      await provider.ready();
      await device?.audio?.speakerDevices.set(deviceId);
    },

    on(event, listener) {
      return events.on(event, listener);
    },

    async dispose() {
      if (renewTimer) clearTimeout(renewTimer);
      renewTimer = null;
      call?.disconnect();
      call = null;
      releaseInput();
      device?.destroy();
      device = null;
    },
  };
  return provider;
};
