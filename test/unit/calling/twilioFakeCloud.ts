import type { Device } from '@twilio/voice-sdk';
import type {
  TwilioAudio,
  TwilioCall,
  TwilioDevice,
  TwilioDeviceFactory,
} from '../../../src/renderer/src/features/calling/providers/twilioProvider';

type Listener = (...args: never[]) => void;

/** The SDK's `on`/`emit` (an EventEmitter), kept small so the fake runs without Node's events module. */
class Emitter {
  readonly #listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.#listeners.set(event, [...(this.#listeners.get(event) ?? []), listener]);
    return this;
  }
  emit(event: string, ...args: unknown[]): boolean {
    const listeners = this.#listeners.get(event) ?? [];
    for (const listener of listeners) (listener as (...values: unknown[]) => void)(...args);
    return listeners.length > 0;
  }
}

/**
 * A FAKE of Twilio's cloud behind the Voice SDK's `Device` and `Call`: it emits the events the SDK
 * documents (`ringing`, `accept`, `reconnecting`, `warning`, `disconnect`, `tokenWillExpire`, `error`…)
 * when the test says so, and records what the provider asked of it. No network, no media.
 */
export class FakeTwilioCall extends Emitter implements TwilioCall {
  readonly digits: string[] = [];
  readonly mutes: boolean[] = [];
  readonly local = { id: 'rep-stream', getAudioTracks: () => [] } as unknown as MediaStream;
  readonly remoteTrack = { enabled: true };
  readonly remote = {
    id: 'prospect-stream',
    getAudioTracks: () => [this.remoteTrack],
  } as unknown as MediaStream;

  constructor(readonly params: Record<string, string>) {
    super();
  }
  mute(shouldMute = true) {
    this.mutes.push(shouldMute);
  }
  disconnect() {
    this.emit('disconnect', this);
  }
  sendDigits(digits: string) {
    this.digits.push(digits);
  }
  getLocalStream() {
    return this.local;
  }
  getRemoteStream() {
    return this.remote;
  }
}

export class FakeTwilioDevice extends Emitter implements TwilioDevice {
  readonly tokens: string[];
  readonly calls: FakeTwilioCall[] = [];
  destroyed = false;
  /** Set to make the next `connect` fail with this SDK error. */
  connectError: { code: number; message: string } | null = null;
  readonly audioLog: string[] = [];
  readonly audio: TwilioAudio = {
    availableInputDevices: new Map([
      ['mic-1', { deviceId: 'mic-1', label: 'Headset microphone', kind: 'audioinput' } as MediaDeviceInfo],
    ]),
    availableOutputDevices: new Map([
      ['default', { deviceId: 'default', label: '', kind: 'audiooutput' } as MediaDeviceInfo],
    ]),
    setInputDevice: async (id) => {
      this.audioLog.push(`input:${id}`);
    },
    unsetInputDevice: async () => {
      this.audioLog.push('unset-input');
    },
    speakerDevices: {
      set: async (id) => {
        this.audioLog.push(`speaker:${String(id)}`);
      },
    },
  };

  constructor(
    token: string,
    readonly options: Device.Options,
  ) {
    super();
    this.tokens = [token];
  }
  async connect({ params }: { params: Record<string, string> }) {
    if (this.connectError) throw this.connectError;
    const call = new FakeTwilioCall(params);
    this.calls.push(call);
    return call;
  }
  updateToken(token: string) {
    this.tokens.push(token);
  }
  destroy() {
    this.destroyed = true;
  }
}

/** A device factory that keeps the fakes it made, for the test to drive. */
export const fakeTwilioCloud = (): { devices: FakeTwilioDevice[]; createDevice: TwilioDeviceFactory } => {
  const devices: FakeTwilioDevice[] = [];
  return {
    devices,
    createDevice: (token, options) => {
      const device = new FakeTwilioDevice(token, options);
      devices.push(device);
      return device;
    },
  };
};
