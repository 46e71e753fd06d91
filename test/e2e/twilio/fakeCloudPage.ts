// A FAKE of Twilio's cloud around the REAL Voice SDK `Device`, injected through the SDK's own
// constructor options for its internal tests (`PStream` = the signalling connection to Twilio,
// `Call`, `Publisher` = Insights, `Sound` = ringtones from Twilio's CDN). The Device's own logic runs:
// the token lifetime it learns from signalling, `tokenWillExpire`, `updateToken`, `connect`.
import { Device } from '@twilio/voice-sdk';
import {
  isTelephonyError,
  type TelephonyProvider,
} from '../../../src/renderer/src/features/calling/provider';
import {
  createTwilioProvider,
  type TwilioDevice,
} from '../../../src/renderer/src/features/calling/providers/twilioProvider';
import type { TwilioTestPage } from './pageApi';

type Listener = (...args: unknown[]) => void;

/** The EventEmitter surface the SDK uses on its parts. */
class Emitter {
  readonly #listeners = new Map<string, { listener: Listener; once: boolean }[]>();
  on(event: string, listener: Listener): this {
    this.#listeners.set(event, [...(this.#listeners.get(event) ?? []), { listener, once: false }]);
    return this;
  }
  addListener(event: string, listener: Listener): this {
    return this.on(event, listener);
  }
  once(event: string, listener: Listener): this {
    this.#listeners.set(event, [...(this.#listeners.get(event) ?? []), { listener, once: true }]);
    return this;
  }
  removeListener(event: string, listener: Listener): this {
    this.#listeners.set(
      event,
      (this.#listeners.get(event) ?? []).filter((each) => each.listener !== listener),
    );
    return this;
  }
  off(event: string, listener: Listener): this {
    return this.removeListener(event, listener);
  }
  removeAllListeners(event?: string): this {
    if (event) this.#listeners.delete(event);
    else this.#listeners.clear();
    return this;
  }
  emit(event: string, ...args: unknown[]): boolean {
    const listeners = this.#listeners.get(event) ?? [];
    this.#listeners.set(
      event,
      listeners.filter((each) => !each.once),
    );
    for (const { listener } of listeners) listener(...args);
    return listeners.length > 0;
  }
}

const cloud = {
  ttlSeconds: 3600,
  signallingTokens: [] as string[],
  stream: null as FakeSignalling | null,
  calls: [] as FakeCall[],
};

/** Twilio's signalling connection: "connected" tells the Device the token's identity and lifetime. */
class FakeSignalling extends Emitter {
  constructor(token: string) {
    super();
    cloud.signallingTokens.push(token);
    cloud.stream = this;
    setTimeout(
      () =>
        this.emit('connected', {
          region: 'gll',
          edge: 'roaming',
          home: 'us1',
          token: { identity: 'rep', ttl: cloud.ttlSeconds },
        }),
      10,
    );
  }
  setToken(token: string) {
    cloud.signallingTokens.push(token);
  }
  updatePreferredURI() {}
  updateURIs() {}
  register() {}
  destroy() {}
}

/** A call as Twilio's cloud carries it: its events come when the test says. */
class FakeCall extends Emitter {
  readonly direction = 'OUTGOING';
  readonly parameters: Record<string, string> = {};
  readonly params: Record<string, string>;
  readonly #local = new MediaStream();
  readonly #remote = new MediaStream();
  /** The Device tells the real Call's media handler about device changes; the fake has no media. */
  readonly _mediaHandler = { _onInputDevicesChanged() {} };
  constructor(_config: unknown, options: { twimlParams?: Record<string, string> }) {
    super();
    this.params = { ...(options.twimlParams ?? {}) };
    cloud.calls.push(this);
  }
  accept() {}
  ignore() {}
  status() {
    return 'pending';
  }
  mute() {}
  isMuted() {
    return false;
  }
  disconnect() {
    this.emit('disconnect', this);
  }
  sendDigits() {}
  getLocalStream() {
    return this.#local;
  }
  getRemoteStream() {
    return this.#remote;
  }
}

/** Twilio Insights: nothing is published. */
class FakePublisher {
  info() {}
  warn() {}
  error() {}
  debug() {}
  postMetrics() {
    return Promise.resolve();
  }
  setHost() {}
  setToken() {}
  enable() {}
  disable() {}
}

/** The SDK's ringtones, normally fetched from Twilio's CDN: silent here. */
class FakeSound {
  play() {
    return Promise.resolve();
  }
  stop() {}
  setSinkIds() {
    return Promise.resolve();
  }
}

/** A token the SDK can read: a JWT-shaped string (the fake cloud never checks a signature). */
const token = (n: number) =>
  `${btoa(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${btoa(JSON.stringify({ n, grants: { identity: 'rep' } }))}.sig${n}`;

const log = {
  states: [] as string[],
  errors: [] as string[],
  warnings: [] as string[],
  tokensFetched: 0,
  inputReleases: 0,
  audio: 0,
};
let provider: TelephonyProvider | null = null;
let tokensLeft = Number.POSITIVE_INFINITY;

const caught = async (work: () => Promise<void>): Promise<string | null> => {
  try {
    await work();
    return null;
  } catch (error) {
    return isTelephonyError(error) ? error.code : String(error);
  }
};

const api: TwilioTestPage = {
  start: (ttlSeconds) => {
    cloud.ttlSeconds = ttlSeconds;
    provider = createTwilioProvider({
      fetchToken: async () => {
        if (tokensLeft <= 0) throw new Error('server_unreachable');
        tokensLeft -= 1;
        log.tokensFetched += 1;
        return { token: token(log.tokensFetched), expiresAt: Date.now() + ttlSeconds * 1000 };
      },
      createDevice: (jwt, options) => {
        const device = new Device(jwt, {
          ...options,
          PStream: FakeSignalling,
          Call: FakeCall,
          Publisher: FakePublisher,
          Sound: FakeSound,
          publishEvents: false,
        } as Device.Options) as unknown as TwilioDevice;
        const audio = device.audio;
        if (audio) {
          const unset = audio.unsetInputDevice.bind(audio);
          audio.unsetInputDevice = () => {
            log.inputReleases += 1;
            return unset();
          };
        }
        return device;
      },
    });
    provider.on('state', (state) => log.states.push(state));
    provider.on('error', (code) => log.errors.push(code));
    provider.on('warning', (warning, active) => log.warnings.push(`${warning}:${active ? 'on' : 'off'}`));
    provider.on('audio', () => {
      log.audio += 1;
    });
    return caught(() => (provider as TelephonyProvider).ready());
  },
  dial: (to) =>
    caught(() => (provider as TelephonyProvider).dial({ to, leadId: 'lead-1', callId: 'call-1' })),
  callEvent: (event, ...args) => {
    cloud.calls.at(-1)?.emit(event, ...args);
  },
  expireToken: () => {
    tokensLeft = 0;
    cloud.stream?.emit('error', { error: { code: 31205, message: 'JWT token expired' } });
  },
  hangup: () => provider?.hangup(),
  dispose: async () => {
    await provider?.dispose();
  },
  log: () => ({
    ...log,
    states: [...log.states],
    errors: [...log.errors],
    warnings: [...log.warnings],
    signallingTokens: [...cloud.signallingTokens],
    callParams: cloud.calls.map((call) => call.params),
  }),
};

Object.assign(window, { twilioTest: api });
