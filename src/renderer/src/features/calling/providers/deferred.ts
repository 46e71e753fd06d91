import type { ProviderEvents, ProviderKind, TelephonyProvider } from '../provider';
import { TelephonyError } from '../provider';
import { createProviderEvents } from './providerEvents';

const EVENTS = ['state', 'audio', 'warning', 'error'] as const;

/**
 * A provider whose real one needs something fetched first (the SIP account from the keychain, for
 * instance): `create` runs on the first `ready()` and every call after it goes to the provider it made.
 * Listeners added before then are kept and receive the real provider's events. A `create` that fails
 * fails `ready()` with its `TelephonyError`, or `provider_unreachable` carrying the failure's message
 * (e.g. "SIP calling is not set up…"), so the call screen offers another provider.
 */
export const deferredProvider = (
  kind: ProviderKind,
  hasAudio: boolean,
  create: () => Promise<TelephonyProvider>,
): TelephonyProvider => {
  const events = createProviderEvents();
  let inner: Promise<TelephonyProvider> | null = null;
  let made: TelephonyProvider | null = null;

  const real = (): Promise<TelephonyProvider> => {
    inner ??= create().then(
      (provider) => {
        for (const event of EVENTS) {
          provider.on(event, ((...args: Parameters<ProviderEvents[typeof event]>) =>
            (events.emit as (e: typeof event, ...a: typeof args) => void)(event, ...args)) as never);
        }
        made = provider;
        return provider;
      },
      (error: unknown) => {
        inner = null;
        if (error instanceof TelephonyError) throw error;
        throw new TelephonyError(
          'provider_unreachable',
          error instanceof Error ? error.message : `The ${kind} provider could not start.`,
        );
      },
    );
    return inner;
  };

  const provider: TelephonyProvider = {
    kind,
    hasAudio,
    async ready() {
      await (await real()).ready();
    },
    async dial(request) {
      await (await real()).dial(request);
    },
    hangup: () => made?.hangup(),
    mute: (muted) => made?.mute(muted),
    async hold(held) {
      await made?.hold(held);
    },
    sendDigits: (digits) => made?.sendDigits(digits),
    devices: async () => (await real()).devices(),
    setInputDevice: async (deviceId) => (await real()).setInputDevice(deviceId),
    setOutputDevice: async (deviceId) => (await real()).setOutputDevice(deviceId),
    on: (event, listener) => events.on(event, listener),
    async dispose() {
      events.clear();
      const current = made;
      made = null;
      inner = null;
      await current?.dispose();
    },
  };
  return provider;
};
