import type { TelephonyProvider } from '../provider';
import { TelephonyError } from '../provider';
import { createProviderEvents } from './providerEvents';

/** Opens a `tel:` URL in the OS's phone handler (the desktop's external-link path, or the browser's). */
export type OpenTel = (url: string) => void;

/** `tel:` as RFC 3966 writes an E.164 number with an extension (`;ext=` passes through). */
export const telUrl = (to: string): string => `tel:${to}`;

/**
 * Under Electron the window's open handler hands `tel:` to the OS after its scheme check
 * (src/main/security.ts); in a browser the page's own handler or the OS takes it.
 */
export const openTelExternally: OpenTel = (url) => {
  window.open(url, '_blank', 'noopener');
};

/**
 * The system phone: the number goes to the softphone already on the computer (`tel:`), and Dialdeck
 * only times the call: it stays `connecting` until the rep starts the timer when the prospect answers
 * (the controller's `startTimer`), and ends when the rep stops it. No audio, so no meter; the outcome
 * is logged by hand. Rejects `invalid_number` for a number that is not E.164.
 */
export const createSystemPhoneProvider = (open: OpenTel = openTelExternally): TelephonyProvider => {
  const events = createProviderEvents();
  return {
    kind: 'system',
    hasAudio: false,
    ready: async () => undefined,
    dial: async ({ to }) => {
      if (!/^\+[1-9]\d{6,14}(;ext=[0-9A-Za-z*#]+)?$/.test(to)) {
        throw new TelephonyError('invalid_number', `"${to}" is not an E.164 number.`);
      }
      open(telUrl(to));
      events.emit('state', 'connecting');
    },
    hangup: () => events.emit('state', 'ended'),
    mute: () => undefined,
    hold: async () => undefined,
    sendDigits: () => undefined,
    devices: async () => [],
    setInputDevice: async () => undefined,
    setOutputDevice: async () => undefined,
    on: events.on,
    dispose: async () => events.clear(),
  };
};
