import {
  type Core,
  Inviter,
  type InviterInviteOptions,
  Registerer,
  RegistererState,
  type Session,
  SessionState,
  UserAgent,
  Web,
} from 'sip.js';
import { type SipAccount, sipDomain } from '../../../../../shared/api/telephony-sip';
import {
  type AudioDevice,
  type CallState,
  type DialRequest,
  TelephonyError,
  type TelephonyProvider,
} from '../provider';
import {
  DEFAULT_ONE_WAY_AUDIO,
  inboundAudioSample,
  initialOneWayAudio,
  nextOneWayAudio,
  type OneWayAudioState,
  type OneWayAudioThresholds,
} from './inboundAudio';
import { createProviderEvents } from './providerEvents';
import { sendSipDigits } from './sipDigits';
import { microphoneError, sipResponseError } from './sipErrors';
import { sipDialTarget } from './sipTarget';

export type SipProviderOptions = {
  account: SipAccount;
  /**
   * Where the prospect's audio plays. A remote WebRTC stream yields samples to Web Audio (the meter)
   * only while it is attached to a media element, so one is always used: a hidden element appended to
   * the document when none is given.
   */
  audioElement?: HTMLAudioElement;
  /** How long to wait for the WebSocket and the REGISTER answer, ms (default 10 000). */
  timeoutMs?: number;
  /** When the prospect's audio counts as missing (`no-audio-received`); see `DEFAULT_ONE_WAY_AUDIO`. */
  oneWayAudio?: Partial<OneWayAudioThresholds>;
};

/** How often the received audio's statistics are read while connected, ms. */
const STATS_EVERY_MS = 1000;

const DEFAULT_TIMEOUT_MS = 10_000;

/** Waits for `promise`, failing with `onTimeout()` after `ms` milliseconds. */
const within = <T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(onTimeout()), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });

const sdhOf = (session: Session | null): Web.SessionDescriptionHandler | null => {
  const handler = session?.sessionDescriptionHandler;
  return handler instanceof Web.SessionDescriptionHandler ? handler : null;
};

/**
 * The SIP-over-WebSocket provider (RFC 7118) for teams with their own PBX, on SIP.js's `UserAgent`,
 * `Registerer` and `Inviter`. `ready()` opens the WebSocket and registers with the account (digest
 * authentication, RFC 3261 §22); `dial` sends an INVITE to the lead's number at the account's domain;
 * 180/183 → `ringing`, 200 → `connected`; hold is a re-INVITE with `sendonly` (RFC 3264 §8.4); DTMF is
 * RFC 4733 telephone-events, falling back to SIP INFO `application/dtmf-relay` when the call negotiated
 * none. ICE uses no STUN/TURN server (`iceServers: []`): the PBX is reached directly, and SIP.js's default
 * public STUN server would leak the rep's address and stall offline. While connected it reads the
 * received audio's `inbound-rtp` statistics every second and raises `warning('no-audio-received', true)`
 * when the prospect's side brings no packets or only silence (one-way audio; see `inboundAudio.ts`),
 * clearing it when sound returns.
 *
 * Errors (`TelephonyError`): `provider_unreachable` (no WebSocket, no answer, PBX failure),
 * `registration_refused` (401/403/407), `call_rejected` (486/600/603/480), `invalid_number`
 * (404/484/485/604 or a number that is not E.164), `mic_permission_denied`, `mic_unavailable`.
 */
export const createSipProvider = (options: SipProviderOptions): TelephonyProvider => {
  const { account } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const events = createProviderEvents();
  const audioElement = options.audioElement ?? document.createElement('audio');
  audioElement.autoplay = true;
  if (!audioElement.isConnected) {
    audioElement.hidden = true;
    document.body.append(audioElement);
  }

  let userAgent: UserAgent | null = null;
  let registerer: Registerer | null = null;
  let registering: Promise<void> | null = null;
  let session: Inviter | null = null;
  let inputDeviceId: string | null = null;
  let muted = false;
  let held = false;
  let failed = false;
  let callState: CallState = 'idle';
  const thresholds: OneWayAudioThresholds = { ...DEFAULT_ONE_WAY_AUDIO, ...options.oneWayAudio };
  let watching: ReturnType<typeof setInterval> | null = null;
  let inbound: OneWayAudioState = initialOneWayAudio();

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

  const unreachable = () =>
    new TelephonyError(
      'provider_unreachable',
      `The SIP server at ${account.websocketUrl} does not answer. Check the address in Settings and your network, or call with another provider.`,
    );

  /** Ends the one-way-audio watch, clearing a standing warning. */
  const stopWatchingAudio = () => {
    if (watching !== null) clearInterval(watching);
    watching = null;
    if (inbound.active) events.emit('warning', 'no-audio-received', false);
    inbound = initialOneWayAudio();
  };

  /**
   * While the call is connected (not on hold: then the prospect sends nothing by design), reads the
   * received audio's statistics every second and raises or clears `no-audio-received`.
   */
  const watchAudio = (current: Inviter) => {
    stopWatchingAudio();
    watching = setInterval(() => {
      const connection = sdhOf(current)?.peerConnection;
      if (!connection || current !== session) return;
      connection.getStats().then(
        (report) => {
          const sample = inboundAudioSample(report, performance.now());
          if (!sample || current !== session || watching === null) return;
          const next = nextOneWayAudio(inbound, sample, thresholds);
          if (next.active !== inbound.active) events.emit('warning', 'no-audio-received', next.active);
          inbound = next;
        },
        () => undefined,
      );
    }, STATS_EVERY_MS);
  };

  const applySenders = () => {
    sdhOf(session)?.enableSenderTracks(!muted && !held);
  };

  const attachMedia = () => {
    const handler = sdhOf(session);
    if (!handler) return;
    audioElement.srcObject = handler.remoteMediaStream;
    audioElement.play().catch(() => {
      // Autoplay refused: the stream still reaches Web Audio through the element; the rep hears it on
      // the next user gesture.
    });
    events.emit('audio', { rep: handler.localMediaStream, prospect: handler.remoteMediaStream });
  };

  const register = async (): Promise<void> => {
    const uri = UserAgent.makeURI(account.sipUri);
    if (!uri) {
      throw new TelephonyError(
        'registration_refused',
        `"${account.sipUri}" is not a SIP address. Enter one such as sip:alex@pbx.example.com in Settings.`,
      );
    }
    const agent = new UserAgent({
      uri,
      transportOptions: { server: account.websocketUrl, connectionTimeout: Math.ceil(timeoutMs / 1000) },
      authorizationUsername: account.authorizationUser || uri.user || '',
      authorizationPassword: account.password,
      ...(account.displayName ? { displayName: account.displayName } : {}),
      logLevel: 'error',
      logBuiltinEnabled: false,
      sessionDescriptionHandlerFactoryOptions: {
        peerConnectionConfiguration: { iceServers: [] },
        iceGatheringTimeout: 1000,
      },
      delegate: {
        onDisconnect: (error) => {
          if (!error) return;
          registerer = null;
          userAgent = null;
          if (session && session.state !== SessionState.Terminated) fail(unreachable());
        },
      },
    });
    try {
      await within(agent.start(), timeoutMs, unreachable);
    } catch (error) {
      await agent.stop().catch(() => undefined);
      throw error instanceof TelephonyError ? error : unreachable();
    }
    const next = new Registerer(agent, { expires: 600 });
    const accepted = new Promise<void>((resolve, reject) => {
      next.stateChange.addListener((state) => {
        if (state === RegistererState.Registered) resolve();
      });
      next
        .register({
          requestDelegate: {
            onReject: (response: Core.IncomingResponse) =>
              reject(
                sipResponseError(
                  response.message.statusCode ?? 0,
                  response.message.reasonPhrase ?? '',
                  'register',
                ),
              ),
          },
        })
        .catch(() => reject(unreachable()));
    });
    try {
      await within(accepted, timeoutMs, unreachable);
    } catch (error) {
      await agent.stop().catch(() => undefined);
      throw error;
    }
    userAgent = agent;
    registerer = next;
  };

  const handleSessionState = (current: Inviter, state: SessionState) => {
    if (current !== session) return;
    switch (state) {
      case SessionState.Establishing:
        setState('connecting');
        break;
      case SessionState.Established:
        attachMedia();
        applySenders();
        watchAudio(current);
        setState('connected');
        break;
      case SessionState.Terminated:
        stopWatchingAudio();
        audioElement.srcObject = null;
        session = null;
        held = false;
        if (!failed) setState('ended');
        break;
      default:
        break;
    }
  };

  const provider: TelephonyProvider = {
    kind: 'sip',
    hasAudio: true,

    async ready() {
      if (userAgent && registerer?.state === RegistererState.Registered) return;
      registering ??= register().finally(() => {
        registering = null;
      });
      await registering;
    },

    async dial(request: DialRequest) {
      if (session) {
        throw new TelephonyError(
          'call_rejected',
          'A call is already under way. Hang up before dialling again.',
        );
      }
      const target = sipDialTarget(request.to, sipDomain(account.sipUri));
      await provider.ready();
      const agent = userAgent;
      if (!agent) throw unreachable();
      const uri = UserAgent.makeURI(target.uri);
      if (!uri) throw new TelephonyError('invalid_number', `${request.to} cannot be dialled over SIP.`);
      failed = false;
      muted = false;
      held = false;
      const inviter = new Inviter(agent, uri, {
        extraHeaders: [`X-Dialdeck-Lead: ${request.leadId}`, `X-Dialdeck-Call: ${request.callId}`],
        sessionDescriptionHandlerOptions: {
          constraints: { audio: inputDeviceId ? { deviceId: { exact: inputDeviceId } } : true, video: false },
        },
      });
      session = inviter;
      inviter.stateChange.addListener((state) => handleSessionState(inviter, state));
      const inviteOptions: InviterInviteOptions = {
        requestDelegate: {
          onProgress: (response) => {
            const status = response.message.statusCode;
            if (status === 180 || status === 183) setState('ringing');
          },
          onAccept: () => {
            if (target.extension) {
              sendSipDigits(inviter, `ww${target.extension}`).catch(() => undefined);
            }
          },
          onReject: (response) => {
            const status = response.message.statusCode ?? 0;
            // 487 answers our own CANCEL: the rep hung up while it rang.
            if (status === 487) return;
            fail(sipResponseError(status, response.message.reasonPhrase ?? '', 'call'));
          },
        },
      };
      setState('connecting');
      try {
        await inviter.invite(inviteOptions);
      } catch (error) {
        session = null;
        const cause = microphoneError(error) ?? unreachable();
        fail(cause);
        throw cause;
      }
    },

    hangup() {
      const current = session;
      if (!current) return;
      switch (current.state) {
        case SessionState.Initial:
        case SessionState.Establishing:
          current.cancel().catch(() => undefined);
          break;
        case SessionState.Established:
          current.bye().catch(() => undefined);
          break;
        default:
          break;
      }
    },

    mute(next: boolean) {
      muted = next;
      applySenders();
    },

    async hold(next: boolean) {
      const current = session;
      if (!current || current.state !== SessionState.Established || held === next) return;
      current.sessionDescriptionHandlerOptionsReInvite = {
        ...current.sessionDescriptionHandlerOptionsReInvite,
        hold: next,
      } as Web.SessionDescriptionHandlerOptions;
      await new Promise<void>((resolve, reject) => {
        current
          .invite({
            requestDelegate: {
              onAccept: () => resolve(),
              onReject: (response) =>
                reject(
                  sipResponseError(
                    response.message.statusCode ?? 0,
                    response.message.reasonPhrase ?? '',
                    'call',
                  ),
                ),
            },
          })
          .catch(reject);
      });
      held = next;
      if (held) stopWatchingAudio();
      else watchAudio(current);
      sdhOf(current)?.enableReceiverTracks(!held);
      applySenders();
      setState(held ? 'on-hold' : 'connected');
    },

    sendDigits(digits: string) {
      const current = session;
      if (!current || current.state !== SessionState.Established) return;
      sendSipDigits(current, digits).catch((error: unknown) => {
        console.error('DTMF failed', error);
      });
    },

    async devices(): Promise<AudioDevice[]> {
      const all = await navigator.mediaDevices.enumerateDevices();
      return all
        .filter((device) => device.kind === 'audioinput' || device.kind === 'audiooutput')
        .map((device, index) => ({
          id: device.deviceId,
          label: device.label || `${device.kind === 'audioinput' ? 'Microphone' : 'Speaker'} ${index + 1}`,
          kind: device.kind as AudioDevice['kind'],
        }));
    },

    async setInputDevice(deviceId: string) {
      inputDeviceId = deviceId;
      const handler = sdhOf(session);
      const sender = handler?.peerConnection?.getSenders().find((each) => each.track?.kind === 'audio');
      if (!handler || !sender) return;
      let stream: MediaStream;
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          audio: { deviceId: { exact: deviceId } },
          video: false,
        });
      } catch (error) {
        throw microphoneError(error) ?? error;
      }
      const [track] = stream.getAudioTracks();
      if (!track)
        throw new TelephonyError('mic_unavailable', 'The chosen microphone gives no sound. Pick another.');
      track.enabled = !muted && !held;
      const previous = sender.track;
      await sender.replaceTrack(track);
      for (const old of handler.localMediaStream.getAudioTracks()) handler.localMediaStream.removeTrack(old);
      handler.localMediaStream.addTrack(track);
      previous?.stop();
      events.emit('audio', { rep: handler.localMediaStream, prospect: handler.remoteMediaStream });
    },

    async setOutputDevice(deviceId: string) {
      await audioElement.setSinkId(deviceId);
    },

    on(event, listener) {
      return events.on(event, listener);
    },

    async dispose() {
      stopWatchingAudio();
      provider.hangup();
      session = null;
      audioElement.srcObject = null;
      const agent = userAgent;
      const current = registerer;
      userAgent = null;
      registerer = null;
      if (current) await current.unregister().catch(() => undefined);
      if (agent) await agent.stop().catch(() => undefined);
    },
  };
  return provider;
};
