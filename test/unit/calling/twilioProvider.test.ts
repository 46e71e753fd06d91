// The Twilio provider against a FAKE of Twilio's cloud (a fake Device and Call, see twilioFakeCloud.ts):
// the mapping of the SDK's events to call states, warnings and errors, and the token's renewal.
import { describe, expect, it, vi } from 'vitest';
import type {
  CallState,
  QualityWarning,
  TelephonyErrorCode,
} from '../../../src/renderer/src/features/calling/provider';
import {
  twilioErrorCode,
  twilioWarning,
} from '../../../src/renderer/src/features/calling/providers/twilioErrors';
import {
  createTwilioProvider,
  TOKEN_REFRESH_MS,
  type TwilioToken,
} from '../../../src/renderer/src/features/calling/providers/twilioProvider';
import { fakeTwilioCloud } from './twilioFakeCloud';

const LEAD = '01890000-0000-7000-8000-000000000001';
const CALL = '01890000-0000-7000-8000-0000000000c1';

const setup = (tokens: (() => Promise<TwilioToken>)[] = []) => {
  const cloud = fakeTwilioCloud();
  let clock = 1_000_000;
  let issued = 0;
  const fetchToken = vi.fn(async (): Promise<TwilioToken> => {
    const next = tokens.shift();
    if (next) return next();
    issued += 1;
    return { token: `token-${issued}`, expiresAt: clock + 3_600_000 };
  });
  const provider = createTwilioProvider({
    fetchToken,
    createDevice: cloud.createDevice,
    now: () => clock,
    renewRetryMs: 10,
  });
  const states: CallState[] = [];
  const errors: TelephonyErrorCode[] = [];
  const warnings: [QualityWarning, boolean][] = [];
  const audio: string[] = [];
  provider.on('state', (state) => states.push(state));
  provider.on('error', (code) => errors.push(code));
  provider.on('warning', (warning, active) => warnings.push([warning, active]));
  provider.on('audio', ({ rep, prospect }) => audio.push(`${rep.id}+${prospect.id}`));
  return {
    cloud,
    provider,
    fetchToken,
    states,
    errors,
    warnings,
    audio,
    advance: (ms: number) => {
      clock += ms;
    },
    device: () => {
      const device = cloud.devices[0];
      if (!device) throw new Error('no Device was made');
      return device;
    },
  };
};

const dialed = async (to = '+14155550100') => {
  const world = setup();
  await world.provider.dial({ to, leadId: LEAD, callId: CALL });
  const call = world.device().calls[0];
  if (!call) throw new Error('no call was placed');
  return { ...world, call };
};

describe('Twilio provider (fake of Twilio cloud)', () => {
  it('makes the Device from a server token with Opus first, precise signalling errors and a 60 s renewal lead', async () => {
    const { provider, fetchToken, device } = setup();
    await provider.ready();
    await provider.ready();
    expect(fetchToken).toHaveBeenCalledTimes(1);
    expect(device().tokens).toEqual(['token-1']);
    expect(device().options).toMatchObject({
      codecPreferences: ['opus', 'pcmu'],
      enableImprovedSignalingErrorPrecision: true,
      tokenRefreshMs: TOKEN_REFRESH_MS,
    });
  });

  it('connects with To, LeadId and CallId and follows the prospect leg: ringing, connected, ended', async () => {
    const { call, states, audio, device } = await dialed();
    expect(call.params).toEqual({ To: '+14155550100', LeadId: LEAD, CallId: CALL });
    expect(states).toEqual(['connecting']);
    call.emit('ringing', false);
    call.emit('accept', call);
    expect(states).toEqual(['connecting', 'ringing', 'connected']);
    expect(audio).toEqual(['rep-stream+prospect-stream']);
    call.disconnect();
    expect(states.at(-1)).toBe('ended');
    // The microphone is released once the call is over.
    await Promise.resolve();
    expect(device().audioLog).toContain('unset-input');
  });

  it('keys an extension in once the prospect answers', async () => {
    const { call } = await dialed('+14155550100;ext=204');
    expect(call.params.To).toBe('+14155550100');
    expect(call.digits).toEqual([]);
    call.emit('accept', call);
    expect(call.digits).toEqual(['ww204']);
  });

  it('refuses a number that is not E.164 without placing a call', async () => {
    const { provider, cloud } = setup();
    await expect(provider.dial({ to: '415-555-0100', leadId: LEAD, callId: CALL })).rejects.toMatchObject({
      code: 'invalid_number',
    });
    expect(cloud.devices.flatMap((device) => device.calls)).toEqual([]);
  });

  it('shows reconnecting and back, and mutes, holds and sends digits on the call', async () => {
    const { provider, call, states } = await dialed();
    call.emit('accept', call);
    call.emit('reconnecting', { code: 53405 });
    call.emit('reconnected');
    expect(states.slice(-2)).toEqual(['reconnecting', 'connected']);
    provider.mute(true);
    await provider.hold(true);
    expect(states.at(-1)).toBe('on-hold');
    expect(call.remoteTrack.enabled).toBe(false);
    await provider.hold(false);
    provider.mute(false);
    expect(call.mutes).toEqual([true, true, true, false]);
    expect(call.remoteTrack.enabled).toBe(true);
    expect(states.at(-1)).toBe('connected');
    provider.sendDigits('1 2-#w');
    expect(call.digits).toEqual(['12#w']);
  });

  it("passes the SDK's quality warnings on as the call screen's, raised and cleared", async () => {
    const { call, warnings } = await dialed();
    for (const name of [
      'high-rtt',
      'high-jitter',
      'high-packet-loss',
      'low-mos',
      'constant-audio-input-level',
      'ice-connectivity-lost',
    ]) {
      call.emit('warning', name, {});
    }
    call.emit('warning-cleared', 'constant-audio-input-level');
    expect(warnings).toEqual([
      ['high-rtt', true],
      ['high-jitter', true],
      ['high-packet-loss', true],
      ['low-mos', true],
      ['constant-audio-level', true],
      ['constant-audio-level', false],
    ]);
  });

  it('maps call errors: busy is call_rejected, a denied microphone is mic_permission_denied', async () => {
    const { call, states, errors } = await dialed();
    call.emit('error', { code: 31486, message: 'Busy Here' });
    expect(errors).toEqual(['call_rejected']);
    expect(states.at(-1)).toBe('failed');
    call.disconnect();
    expect(states.at(-1)).toBe('failed');

    const denied = setup();
    await denied.provider.ready();
    denied.device().connectError = { code: 31401, message: 'Permission denied' };
    await expect(
      denied.provider.dial({ to: '+14155550100', leadId: LEAD, callId: CALL }),
    ).rejects.toMatchObject({
      code: 'mic_permission_denied',
    });
    expect(denied.errors).toEqual(['mic_permission_denied']);
  });

  it('renews the token on tokenWillExpire with updateToken', async () => {
    const { provider, device, fetchToken } = setup();
    await provider.ready();
    device().emit('tokenWillExpire', device());
    await vi.waitFor(() => expect(device().tokens).toEqual(['token-1', 'token-2']));
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });

  it('keeps retrying a renewal while the server is unreachable, then reports token_expired', async () => {
    const offline = () => Promise.reject(new Error('server_unreachable'));
    const world = setup([
      async () => ({ token: 'short', expiresAt: 1_000_000 + 50 }),
      offline,
      offline,
      offline,
      offline,
      offline,
      offline,
    ]);
    await world.provider.ready();
    world.device().emit('tokenWillExpire', world.device());
    await vi.waitFor(() => expect(world.fetchToken.mock.calls.length).toBeGreaterThanOrEqual(3));
    expect(world.errors).toEqual([]);
    world.advance(60);
    await vi.waitFor(() => expect(world.errors).toEqual(['token_expired']));
    expect(world.device().tokens).toEqual(['short']);
  });

  it('reports a Device error 20104 as token_expired', async () => {
    const { provider, device, errors } = setup();
    await provider.ready();
    device().emit('error', { code: 20104, message: 'AccessTokenExpired' });
    expect(errors).toEqual(['token_expired']);
  });

  it('says provider_unreachable when the server gives no token', async () => {
    const { provider } = setup([() => Promise.reject(new Error('server_unreachable'))]);
    await expect(provider.ready()).rejects.toMatchObject({ code: 'provider_unreachable' });
  });

  it('lists devices from device.audio and routes the speaker through speakerDevices', async () => {
    const { provider, device } = setup();
    expect(await provider.devices()).toEqual([
      { id: 'mic-1', label: 'Headset microphone', kind: 'audioinput' },
      { id: 'default', label: 'Speaker 1', kind: 'audiooutput' },
    ]);
    await provider.setOutputDevice('default');
    await provider.setInputDevice('mic-1');
    // Between calls the microphone stays closed; the choice applies at the next dial.
    expect(device().audioLog).toEqual(['speaker:default']);
    await provider.dial({ to: '+14155550100', leadId: LEAD, callId: CALL });
    expect(device().audioLog).toEqual(['speaker:default', 'input:mic-1']);
    await provider.dispose();
    expect(device().destroyed).toBe(true);
  });
});

describe('Twilio error and warning names', () => {
  it.each([
    [20104, 'token_expired'],
    [31401, 'mic_permission_denied'],
    [31402, 'mic_unavailable'],
    [31603, 'call_rejected'],
    [31404, 'invalid_number'],
    [31005, 'provider_unreachable'],
    [undefined, 'provider_unreachable'],
  ] as const)('Twilio %s → %s', (code, expected) => {
    expect(twilioErrorCode(code)).toBe(expected);
  });

  it('ignores warnings the call screen does not show', () => {
    expect(twilioWarning('ice-connectivity-lost')).toBeNull();
    expect(twilioWarning('constant-audio-output-level')).toBe('no-audio-received');
  });
});
