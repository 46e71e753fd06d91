import { describe, expect, it } from 'vitest';
import type {
  CallAudio,
  DialRequest,
  ProviderKind,
  TelephonyErrorCode,
  TelephonyProvider,
} from '../../../src/renderer/src/features/calling/provider';
import { TelephonyError } from '../../../src/renderer/src/features/calling/provider';
import { createProviderEvents } from '../../../src/renderer/src/features/calling/providers/providerEvents';
import { createCallController } from '../../../src/renderer/src/features/calling/state/controller';
import { routeKeyToLiveCall } from '../../../src/renderer/src/features/calling/state/keyboardDigits';
import type { TalkMetrics } from '../../../src/shared/talk/metrics';

// The call controller's state machine over a scripted provider: states, timing from the answer,
// the meter's figures kept for the outcome, and a failed provider that offers the others.

const LEAD = '0195846a-3333-7000-8000-000000000001';
const CALL = '0195846a-3333-7000-8000-000000000002';

type Scripted = TelephonyProvider & {
  emit: ReturnType<typeof createProviderEvents>['emit'];
  calls: string[];
  dialled: DialRequest[];
  disposed: number;
};

const scripted = (kind: ProviderKind, failDial?: TelephonyErrorCode): Scripted => {
  const events = createProviderEvents();
  const provider: Scripted = {
    kind,
    hasAudio: kind !== 'system',
    emit: events.emit,
    calls: [],
    dialled: [],
    disposed: 0,
    ready: async () => undefined,
    dial: async (request) => {
      provider.dialled.push(request);
      if (failDial) throw new TelephonyError(failDial, 'refused');
      events.emit('state', 'connecting');
    },
    hangup: () => provider.calls.push('hangup'),
    mute: (on) => provider.calls.push(`mute:${on}`),
    hold: async (on) => {
      provider.calls.push(`hold:${on}`);
    },
    sendDigits: (digits) => provider.calls.push(`dtmf:${digits}`),
    devices: async () => [{ id: 'mic-2', label: 'Headset', kind: 'audioinput' }],
    setInputDevice: async (id) => {
      provider.calls.push(`input:${id}`);
    },
    setOutputDevice: async (id) => {
      provider.calls.push(`output:${id}`);
    },
    on: events.on,
    dispose: async () => {
      provider.disposed += 1;
    },
  };
  return provider;
};

const metrics = (over: Partial<TalkMetrics>): TalkMetrics => ({
  durationSeconds: 10,
  repTalkSeconds: 3,
  prospectTalkSeconds: 7,
  repTalkShare: 0.3,
  longestRepMonologueSeconds: 3,
  meanPatienceSeconds: 2,
  interruptions: 0,
  ...over,
});

const setup = (providers: Partial<Record<ProviderKind, Scripted>>) => {
  let clock = 1_000_000;
  const meters: Array<{ audio: CallAudio; feed: (m: TalkMetrics) => void; stopped: boolean }> = [];
  const store = createCallController({
    providerFor: (kind) => {
      const provider = providers[kind];
      if (!provider) throw new TelephonyError('provider_unreachable', `no ${kind}`);
      return provider;
    },
    kinds: () => ['twilio', 'system', 'practice'],
    startMeter: (audio, onMetrics) => {
      const meter = { audio, feed: onMetrics, stopped: false };
      meters.push(meter);
      return () => {
        meter.stopped = true;
      };
    },
    now: () => clock,
  });
  return { store, meters, tick: (ms: number) => (clock += ms) };
};

const fakeAudio = (): CallAudio => ({ rep: {} as MediaStream, prospect: {} as MediaStream });

describe('call controller', () => {
  it('follows connecting → ringing → connected → ended, timing from the answer, with the final metrics', async () => {
    const practice = scripted('practice');
    const { store, meters, tick } = setup({ practice });
    expect(
      await store.getState().dial({ leadId: LEAD, to: '+14155550101', callId: CALL, provider: 'practice' }),
    ).toBe(true);
    expect(practice.dialled).toEqual([{ to: '+14155550101', leadId: LEAD, callId: CALL }]);
    expect(store.getState().call?.state).toBe('connecting');
    practice.emit('state', 'ringing');
    tick(4_000);
    expect(store.getState().call).toMatchObject({ state: 'ringing', connectedAt: null });
    practice.emit('state', 'connected');
    practice.emit('audio', fakeAudio());
    expect(meters).toHaveLength(1);
    meters[0]?.feed(metrics({ durationSeconds: 20 }));
    tick(62_400);
    const final = metrics({ durationSeconds: 62.4, repTalkShare: 0.25 });
    meters[0]?.feed(final);
    expect(store.getState().call?.metrics).toEqual(final);

    store.getState().hangup();
    expect(practice.calls).toContain('hangup');
    expect(meters[0]?.stopped).toBe(true);
    expect(practice.disposed).toBe(1);
    expect(store.getState().call?.state).toBe('ended');
    expect(store.getState().factsFor(CALL)).toEqual({
      callId: CALL,
      leadId: LEAD,
      provider: 'practice',
      durationSeconds: 62,
      metrics: final,
    });
    // The outcome is logged: the call is settled and leaves the screen.
    store.getState().settle(CALL);
    expect(store.getState().factsFor(CALL)).toBeNull();
    expect(store.getState().call).toBeNull();
  });

  it('mutes, holds and sends digits only where they apply, and refuses a second call while one is live', async () => {
    const practice = scripted('practice');
    const { store } = setup({ practice });
    await store.getState().dial({ leadId: LEAD, to: '+14155550101', callId: CALL, provider: 'practice' });
    // Not answered yet: no hold, no digits.
    await store.getState().toggleHold();
    store.getState().sendDigits('1');
    expect(practice.calls).toEqual([]);
    practice.emit('state', 'connected');
    store.getState().toggleMute();
    expect(store.getState().call?.muted).toBe(true);
    await store.getState().toggleHold();
    expect(store.getState().call).toMatchObject({ state: 'on-hold', held: true });
    store.getState().sendDigits('2');
    await store.getState().toggleHold();
    store.getState().sendDigits('12#');
    expect(practice.calls).toEqual(['mute:true', 'hold:true', 'hold:false', 'dtmf:12#']);
    expect(store.getState().call?.state).toBe('connected');

    expect(
      await store.getState().dial({ leadId: LEAD, to: '+14155550102', callId: LEAD, provider: 'practice' }),
    ).toBe(false);
    expect(practice.dialled).toHaveLength(1);
  });

  it('shows reconnecting and quality warnings while they last', async () => {
    const practice = scripted('practice');
    const { store } = setup({ practice });
    await store.getState().dial({ leadId: LEAD, to: '+14155550101', callId: CALL, provider: 'practice' });
    practice.emit('state', 'connected');
    practice.emit('warning', 'high-jitter', true);
    practice.emit('warning', 'high-rtt', true);
    practice.emit('state', 'reconnecting');
    expect(store.getState().call).toMatchObject({
      state: 'reconnecting',
      warnings: ['high-jitter', 'high-rtt'],
    });
    practice.emit('warning', 'high-jitter', false);
    practice.emit('state', 'connected');
    expect(store.getState().call).toMatchObject({ state: 'connected', warnings: ['high-rtt'] });
  });

  it('keeps what a call measured when the provider fails mid-call, and offers the other providers', async () => {
    const practice = scripted('practice');
    const { store, tick, meters } = setup({ practice });
    await store.getState().dial({ leadId: LEAD, to: '+14155550101', callId: CALL, provider: 'practice' });
    practice.emit('state', 'connected');
    practice.emit('audio', fakeAudio());
    const sofar = metrics({ durationSeconds: 30 });
    meters[0]?.feed(sofar);
    tick(30_400);
    practice.emit('error', 'mic_unavailable');
    expect(store.getState().call).toMatchObject({ state: 'failed', error: 'mic_unavailable' });
    expect(store.getState().failure).toEqual({ provider: 'practice', code: 'mic_unavailable', leadId: LEAD });
    expect(store.getState().alternatives('practice')).toEqual(['twilio', 'system']);
    expect(store.getState().factsFor(CALL)).toMatchObject({ durationSeconds: 30, metrics: sofar });
  });

  it('fails a provider that cannot be reached before the call starts, and the next one dials', async () => {
    const system = scripted('system');
    const { store, tick } = setup({ system });
    expect(
      await store.getState().dial({ leadId: LEAD, to: '+14155550101', callId: CALL, provider: 'twilio' }),
    ).toBe(false);
    expect(store.getState().failure).toEqual({
      provider: 'twilio',
      code: 'provider_unreachable',
      leadId: LEAD,
    });
    expect(store.getState().factsFor(CALL)).toMatchObject({ durationSeconds: 0, metrics: null });

    // The same call goes on through the system phone: the rep times it by hand.
    expect(
      await store.getState().dial({ leadId: LEAD, to: '+14155550101', callId: CALL, provider: 'system' }),
    ).toBe(true);
    expect(store.getState().failure).toBeNull();
    store.getState().startTimer();
    expect(store.getState().call?.state).toBe('connected');
    tick(95_000);
    store.getState().hangup();
    expect(store.getState().factsFor(CALL)).toMatchObject({
      provider: 'system',
      durationSeconds: 95,
      metrics: null,
    });
  });

  it('keeps what a failed leg measured when another provider takes the same call over', async () => {
    const practice = scripted('practice');
    const system = scripted('system');
    const { store, tick, meters } = setup({ practice, system });
    await store.getState().dial({ leadId: LEAD, to: '+14155550101', callId: CALL, provider: 'practice' });
    practice.emit('state', 'connected');
    practice.emit('audio', fakeAudio());
    const measured = metrics({ durationSeconds: 41 });
    meters[0]?.feed(measured);
    tick(41_000);
    practice.emit('error', 'mic_unavailable');

    // The system phone is tried and never answered: the practice leg's facts stand.
    await store.getState().dial({ leadId: LEAD, to: '+14155550101', callId: CALL, provider: 'system' });
    tick(5_000);
    store.getState().hangup();
    expect(store.getState().factsFor(CALL)).toEqual({
      callId: CALL,
      leadId: LEAD,
      provider: 'practice',
      durationSeconds: 41,
      metrics: measured,
    });

    // Answered on the system phone after all: its minutes add up, the figures stay the measured ones.
    await store.getState().dial({ leadId: LEAD, to: '+14155550101', callId: CALL, provider: 'system' });
    store.getState().startTimer();
    tick(60_000);
    expect(store.getState().factsFor(CALL)).toMatchObject({
      provider: 'system',
      durationSeconds: 101,
      metrics: measured,
    });
    store.getState().hangup();
    expect(store.getState().factsFor(CALL)).toMatchObject({
      provider: 'system',
      durationSeconds: 101,
      metrics: measured,
    });
  });

  it('a provider whose dial is refused ends the attempt as failed with its code', async () => {
    const practice = scripted('practice', 'invalid_number');
    const { store } = setup({ practice });
    await store.getState().dial({ leadId: LEAD, to: '555', callId: CALL, provider: 'practice' });
    expect(store.getState().call).toMatchObject({ state: 'failed', error: 'invalid_number' });
  });

  it('uses the chosen microphone and speaker on the next call and switches them mid-call', async () => {
    const practice = scripted('practice');
    const { store } = setup({ practice });
    await store.getState().setInput('mic-2');
    await store.getState().dial({ leadId: LEAD, to: '+14155550101', callId: CALL, provider: 'practice' });
    expect(practice.calls).toEqual(['input:mic-2']);
    await store.getState().refreshDevices();
    expect(store.getState().devices).toEqual([{ id: 'mic-2', label: 'Headset', kind: 'audioinput' }]);
    await store.getState().setOutput('spk-1');
    expect(practice.calls).toEqual(['input:mic-2', 'output:spk-1']);
  });
});

describe('keyboard digits during a call', () => {
  it('sends keypad keys as DTMF while connected, swallows them while ringing or on hold, and leaves them alone with no live call', async () => {
    const practice = scripted('practice');
    const { store } = setup({ practice });
    // No call: a digit is the outcome key it always was.
    expect(routeKeyToLiveCall(store, '1')).toBe(false);
    await store.getState().dial({ leadId: LEAD, to: '+14155550101', callId: CALL, provider: 'practice' });
    practice.emit('state', 'ringing');
    expect(routeKeyToLiveCall(store, '3')).toBe(true);
    practice.emit('state', 'connected');
    for (const key of ['1', '2', '#', '*', '0']) expect(routeKeyToLiveCall(store, key)).toBe(true);
    // Letters keep their shortcut meaning during a call.
    expect(routeKeyToLiveCall(store, 'c')).toBe(false);
    await store.getState().toggleHold();
    expect(routeKeyToLiveCall(store, '9')).toBe(true);
    await store.getState().toggleHold();
    expect(practice.calls.filter((c) => c.startsWith('dtmf:'))).toEqual([
      'dtmf:1',
      'dtmf:2',
      'dtmf:#',
      'dtmf:*',
      'dtmf:0',
    ]);
    expect(store.getState().call?.digitsSent).toBe('12#*0');
    store.getState().hangup();
    // After hang-up the digits are outcome keys again.
    expect(routeKeyToLiveCall(store, '1')).toBe(false);
  });
});

describe('a call without a microphone', () => {
  it('keeps no talk figures once the provider reports the microphone refused, and logs the call without them', async () => {
    const practice = scripted('practice');
    const { store, meters, tick } = setup({ practice });
    await store.getState().dial({ leadId: LEAD, to: '+14155550101', callId: CALL, provider: 'practice' });
    practice.emit('state', 'connected');
    practice.emit('audio', fakeAudio());
    // A reading before the provider says so is dropped too: silence is not a rep who listens.
    meters[0]?.feed(metrics({ repTalkShare: 0, repTalkSeconds: 0 }));
    practice.emit('warning', 'mic-permission-denied', true);
    expect(store.getState().call).toMatchObject({ repMeasured: false, metrics: null });
    meters[0]?.feed(metrics({ repTalkShare: 0, repTalkSeconds: 0 }));
    expect(store.getState().call?.metrics).toBeNull();
    tick(5_000);
    store.getState().hangup();
    expect(store.getState().factsFor(CALL)).toEqual({
      callId: CALL,
      leadId: LEAD,
      provider: 'practice',
      durationSeconds: 5,
      metrics: null,
    });
  });

  it('keeps measuring through other warnings', async () => {
    const practice = scripted('practice');
    const { store, meters } = setup({ practice });
    await store.getState().dial({ leadId: LEAD, to: '+14155550101', callId: CALL, provider: 'practice' });
    practice.emit('state', 'connected');
    practice.emit('audio', fakeAudio());
    practice.emit('warning', 'high-jitter', true);
    const reading = metrics({});
    meters[0]?.feed(reading);
    expect(store.getState().call).toMatchObject({ repMeasured: true, metrics: reading });
  });

  it('adopts a call a reload cut off, so its outcome is logged with its facts, once', () => {
    const { store } = setup({});
    const facts = {
      callId: CALL,
      leadId: LEAD,
      provider: 'practice' as const,
      durationSeconds: 65,
      metrics: metrics({}),
    };
    store.getState().adopt(facts);
    expect(store.getState().factsFor(CALL)).toEqual(facts);
    store.getState().settle(CALL);
    expect(store.getState().factsFor(CALL)).toBeNull();
    // Logged already: adopting it again brings nothing back.
    store.getState().adopt(facts);
    expect(store.getState().factsFor(CALL)).toBeNull();
  });
});
