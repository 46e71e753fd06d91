// The test page both Chromium instances load: the rep drives Dialdeck's SIP provider, the prospect is a
// plain SIP.js user agent that rings, answers and hangs up. Each side measures the audio it sends and
// receives with an AnalyserNode, so the test can tell that media flows both ways; the rep's page also
// runs the call screen's talk/listen meter (startMeter and its AudioWorklet) on the call's audio.
import { type Invitation, Registerer, SessionState, UserAgent, Web } from 'sip.js';
import { startMeter } from '../../../src/renderer/src/features/calling/meter/startMeter';
import type { CallState, TelephonyProvider } from '../../../src/renderer/src/features/calling/provider';
import { isTelephonyError } from '../../../src/renderer/src/features/calling/provider';
import { createSipProvider } from '../../../src/renderer/src/features/calling/providers/sipProvider';
import type { SipAccount } from '../../../src/shared/api/telephony-sip';
import type { TalkMetrics } from '../../../src/shared/talk/metrics';
import type { ProspectAnswer, SipTestPage, StreamLevel } from './pageApi';

/** Frames whose RMS is above this count as sound (the fake capture's silence is digital zero). */
const ACTIVE_RMS = 0.01;
const FRAME_MS = 20;

type Level = { activeFrames: number; frames: number; energy: number };

const context = new AudioContext();
const levels = new Map<string, Level>();

// Every peer connection the page makes (SIP.js makes one per call), so the test can read the SDP that
// was negotiated and listen to the DTMF sender's tone events.
const peers: RTCPeerConnection[] = [];
const NativePeerConnection = RTCPeerConnection;
class RecordedPeerConnection extends NativePeerConnection {
  constructor(configuration?: RTCConfiguration) {
    super(configuration);
    peers.push(this);
  }
}
Object.assign(window, { RTCPeerConnection: RecordedPeerConnection });

/** `a=rtpmap:PT telephone-event/RATE` values in an SDP, as `PT telephone-event/RATE`. */
const telephoneEvents = (sdp: string | undefined): string[] =>
  [...(sdp ?? '').matchAll(/^a=rtpmap:(\d+ telephone-event\/\d+)/gm)].map((match) => match[1] ?? '');

/** The tones the RTCDTMFSender of the page's calls played, in order (its `tonechange` events). */
const tones: string[] = [];
const watchedSenders = new WeakSet<RTCDTMFSender>();
const watchTones = () => {
  for (const peer of peers) {
    for (const sender of peer.getSenders()) {
      const dtmf = sender.dtmf;
      if (!dtmf || watchedSenders.has(dtmf)) continue;
      watchedSenders.add(dtmf);
      dtmf.addEventListener('tonechange', (event) => {
        // The event after the last tone carries '' (the queue is empty).
        if (event.tone) tones.push(event.tone);
      });
    }
  }
};

/** Measures `stream` as `name` every 20 ms until the page closes. */
const listen = (name: string, stream: MediaStream) => {
  const analyser = context.createAnalyser();
  analyser.fftSize = 1024;
  context.createMediaStreamSource(stream).connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  const level: Level = { activeFrames: 0, frames: 0, energy: 0 };
  levels.set(name, level);
  setInterval(() => {
    analyser.getFloatTimeDomainData(samples);
    let sum = 0;
    for (const sample of samples) sum += sample * sample;
    const rms = Math.sqrt(sum / samples.length);
    level.frames += 1;
    level.energy += rms;
    if (rms > ACTIVE_RMS) level.activeFrames += 1;
  }, FRAME_MS);
};

const states: string[] = [];
const errors: { code: string; message?: string }[] = [];
const warnings: string[] = [];
let provider: TelephonyProvider | null = null;
let meterFigures: TalkMetrics | null = null;
let meterStarted = false;

const caught = async (work: () => Promise<void>): Promise<string | null> => {
  try {
    await work();
    return null;
  } catch (error) {
    return isTelephonyError(error) ? error.code : String(error);
  }
};

const rep: SipTestPage['rep'] = {
  async register(account: SipAccount): Promise<string | null> {
    await context.resume();
    // A short silence limit, so the test can show the warning without a 10 s wait.
    provider = createSipProvider({ account, timeoutMs: 5_000, oneWayAudio: { silentMs: 3_000 } });
    provider.on('state', (state: CallState) => {
      states.push(state);
      if (state === 'connected') watchTones();
    });
    provider.on('error', (code, message) => errors.push({ code, ...(message ? { message } : {}) }));
    provider.on('warning', (warning, active) => warnings.push(`${warning}:${active ? 'on' : 'off'}`));
    provider.on('audio', (audio) => {
      listen('rep', audio.rep);
      listen('prospect', audio.prospect);
      if (meterStarted) return;
      meterStarted = true;
      startMeter(audio, (update) => {
        meterFigures = update.metrics;
      }).catch((error: unknown) => errors.push({ code: 'meter', message: String(error) }));
    });
    return caught(() => (provider as TelephonyProvider).ready());
  },
  dial: (to: string) =>
    caught(() => (provider as TelephonyProvider).dial({ to, leadId: 'lead-1', callId: 'call-1' })),
  hangup: () => provider?.hangup(),
  hold: (held: boolean) => caught(() => (provider as TelephonyProvider).hold(held)),
  digits: (digits: string) => provider?.sendDigits(digits),
  dispose: () => provider?.dispose(),
  states: () => [...states],
  errors: () => [...errors],
  warnings: () => [...warnings],
  meter: () => meterFigures,
  tones: () => [...tones],
};

const prospectEvents: string[] = [];
let prospectMicrophone: MediaStream | null = null;

const prospect: SipTestPage['prospect'] = {
  /**
   * Registers `account`; each call rings, then after `afterMs` is answered or refused 486 Busy Here.
   * `accept-without-telephone-event` answers with the offer's telephone-event payloads taken out, as a
   * PBX or phone without RFC 4733 does, so the caller has to key digits as SIP INFO.
   */
  async register(account: SipAccount, answer: ProspectAnswer, afterMs: number): Promise<string | null> {
    await context.resume();
    const uri = UserAgent.makeURI(account.sipUri);
    if (!uri) return 'bad uri';
    const audio = document.createElement('audio');
    audio.autoplay = true;
    document.body.append(audio);
    const agent = new UserAgent({
      uri,
      transportOptions: { server: account.websocketUrl },
      authorizationUsername: account.authorizationUser,
      authorizationPassword: account.password,
      logLevel: 'error',
      sessionDescriptionHandlerFactoryOptions: {
        peerConnectionConfiguration: { iceServers: [] },
        iceGatheringTimeout: 1000,
      },
      delegate: {
        onInvite: (invitation: Invitation) => {
          prospectEvents.push('invite');
          invitation.stateChange.addListener((state) => {
            if (state === SessionState.Established) {
              prospectEvents.push('answered');
              const handler = invitation.sessionDescriptionHandler as Web.SessionDescriptionHandler;
              audio.srcObject = handler.remoteMediaStream;
              audio.play().catch(() => undefined);
              listen('rep', handler.remoteMediaStream);
              listen('prospect', handler.localMediaStream);
              prospectMicrophone = handler.localMediaStream;
            }
            if (state === SessionState.Terminated) prospectEvents.push('ended');
          });
          invitation.delegate = {
            onInfo: (info) => {
              prospectEvents.push(`info:${info.request.body.replace(/\r?\n.*/s, '')}`);
              info.accept().catch(() => undefined);
            },
          };
          invitation.progress().catch(() => undefined);
          setTimeout(() => {
            if (answer === 'busy') {
              invitation.reject({ statusCode: 486 }).catch(() => undefined);
              return;
            }
            invitation
              .accept({
                sessionDescriptionHandlerOptions: { constraints: { audio: true, video: false } },
                ...(answer === 'accept-without-telephone-event'
                  ? { sessionDescriptionHandlerModifiers: [Web.stripTelephoneEvent] }
                  : {}),
              })
              .catch((error: unknown) => prospectEvents.push(`accept failed: ${String(error)}`));
          }, afterMs);
        },
      },
    });
    await agent.start();
    const registerer = new Registerer(agent);
    return new Promise((resolve) => {
      registerer
        .register({
          requestDelegate: {
            onAccept: () => resolve(null),
            onReject: (response) => resolve(`refused ${response.message.statusCode}`),
          },
        })
        .catch((error: unknown) => resolve(String(error)));
    });
  },
  events: () => [...prospectEvents],
  mute: (muted: boolean) => {
    for (const track of prospectMicrophone?.getAudioTracks() ?? []) track.enabled = !muted;
  },
};

/** Clears the counters, waits `ms`, and answers what each stream carried meanwhile. */
const measure: SipTestPage['measure'] = async (ms) => {
  for (const level of levels.values()) Object.assign(level, { activeFrames: 0, frames: 0, energy: 0 });
  await new Promise((resolve) => setTimeout(resolve, ms));
  const out: Record<string, StreamLevel> = {};
  for (const [name, level] of levels) {
    out[name] = {
      activeSeconds: (level.activeFrames * FRAME_MS) / 1000,
      seconds: (level.frames * FRAME_MS) / 1000,
      meanRms: level.frames ? level.energy / level.frames : 0,
    };
  }
  return out;
};

/** The telephone-event payloads in the latest call's local and remote SDP. */
const negotiatedTelephoneEvents: SipTestPage['telephoneEvents'] = () => {
  const peer = peers.at(-1);
  return {
    local: telephoneEvents(peer?.localDescription?.sdp),
    remote: telephoneEvents(peer?.remoteDescription?.sdp),
  };
};

const api: SipTestPage = { rep, prospect, measure, telephoneEvents: negotiatedTelephoneEvents };
Object.assign(window, { sipTest: api });
