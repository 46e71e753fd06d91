import { describe, expect, it } from 'vitest';
import type { TelephonyProvider } from '../../../src/renderer/src/features/calling/provider';
import { TelephonyError } from '../../../src/renderer/src/features/calling/provider';
import { deferredProvider } from '../../../src/renderer/src/features/calling/providers/deferred';
import { createProviderEvents } from '../../../src/renderer/src/features/calling/providers/providerEvents';

// A provider made on first use (the SIP account fetched from the core): listeners added before it
// exists hear it, calls reach it, and a failed fetch becomes a TelephonyError the call screen can show.

const fake = () => {
  const events = createProviderEvents();
  const log: string[] = [];
  const provider: TelephonyProvider = {
    kind: 'sip',
    hasAudio: true,
    ready: async () => void log.push('ready'),
    dial: async (request) => {
      log.push(`dial ${request.to}`);
      events.emit('state', 'ringing');
    },
    hangup: () => void log.push('hangup'),
    mute: (muted) => void log.push(`mute ${muted}`),
    hold: async (held) => void log.push(`hold ${held}`),
    sendDigits: (digits) => void log.push(`dtmf ${digits}`),
    devices: async () => [],
    setInputDevice: async () => undefined,
    setOutputDevice: async () => undefined,
    on: (event, listener) => events.on(event, listener),
    dispose: async () => void log.push('dispose'),
  };
  return { provider, log };
};

describe('deferredProvider', () => {
  it('makes the provider once, forwards calls and events to listeners added before it existed', async () => {
    const { provider, log } = fake();
    let made = 0;
    const deferred = deferredProvider('sip', true, async () => {
      made += 1;
      return provider;
    });
    const states: string[] = [];
    deferred.on('state', (state) => states.push(state));
    await deferred.ready();
    await deferred.dial({ to: '+14155550100', leadId: 'l', callId: 'c' });
    deferred.mute(true);
    await deferred.hold(true);
    deferred.sendDigits('1#');
    deferred.hangup();
    await deferred.dispose();
    expect(made).toBe(1);
    expect(log).toEqual([
      'ready',
      'dial +14155550100',
      'mute true',
      'hold true',
      'dtmf 1#',
      'hangup',
      'dispose',
    ]);
    expect(states).toEqual(['ringing']);
  });

  it('turns a failed fetch into provider_unreachable with its message, and tries again on the next ready()', async () => {
    const { provider } = fake();
    let attempts = 0;
    const deferred = deferredProvider('sip', true, async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('SIP calling is not set up on this computer.');
      return provider;
    });
    const failure = await deferred.ready().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TelephonyError);
    expect((failure as TelephonyError).code).toBe('provider_unreachable');
    expect((failure as TelephonyError).message).toContain('not set up');
    await expect(deferred.ready()).resolves.toBeUndefined();
    expect(attempts).toBe(2);
  });
});
