import { createStore, type StoreApi } from 'zustand/vanilla';
import type { TalkMetrics } from '../../../../../shared/talk/metrics';
import {
  type AudioDevice,
  type CallAudio,
  type CallState,
  type EndedCall,
  NO_MIC_WARNINGS,
  type ProviderKind,
  type QualityWarning,
  type TelephonyErrorCode,
  type TelephonyProvider,
} from '../provider';
import { type CoachState, coachStep, initialCoach } from '../utils/talkCoach';

/** The call on screen: what it is, how far it got and what the rep set on it. Times are epoch ms. */
export type ActiveCall = {
  callId: string;
  leadId: string;
  /** The number dialled, E.164 (with `;ext=` when it has one). */
  to: string;
  provider: ProviderKind;
  state: CallState;
  /** When the prospect answered (or the rep started the system phone's timer); null before. */
  connectedAt: number | null;
  endedAt: number | null;
  muted: boolean;
  held: boolean;
  warnings: QualityWarning[];
  error: TelephonyErrorCode | null;
  /** The meter's running figures; null while it has none (or no meter runs: the system phone). */
  metrics: TalkMetrics | null;
  /** The 70/30 coach's memory, folded from every reading in order (see utils/talkCoach.ts). */
  coach: CoachState;
  /** The DTMF digits sent on this call (keypad or keyboard), the last 24. */
  digitsSent: string;
  /**
   * Whether the rep's side has a microphone to measure. False once the provider reports none (refused
   * or missing): the meter's figures are then not kept, shown or logged, since silence on the rep's
   * channel would read as a rep who only listens.
   */
  repMeasured: boolean;
};

/** A provider that failed: the rep is offered the others so the session goes on. */
export type ProviderFailure = { provider: ProviderKind; code: TelephonyErrorCode; leadId: string };

/** What the controller needs from the app: providers by kind, the meter, and a clock (epoch ms). */
export type ControllerDeps = {
  /** The provider of that kind, ready to use; throws an `Error` with a `TelephonyErrorCode` `code`. */
  providerFor: (kind: ProviderKind) => TelephonyProvider;
  /** The kinds this build can call through, in the order they are offered after a failure. */
  kinds: () => readonly ProviderKind[];
  startMeter: (audio: CallAudio, onMetrics: (metrics: TalkMetrics) => void) => () => void;
  now: () => number;
};

export type DialInput = { leadId: string; to: string; callId: string; provider: ProviderKind };

export type CallController = {
  call: ActiveCall | null;
  /** The last calls that ended, by call id, until their outcome is logged. */
  ended: Record<string, EndedCall>;
  failure: ProviderFailure | null;
  devices: AudioDevice[];
  inputId: string | null;
  outputId: string | null;
  /** Places a call; a second one while a call is live is refused (false). */
  dial: (input: DialInput) => Promise<boolean>;
  hangup: () => void;
  toggleMute: () => void;
  toggleHold: () => Promise<void>;
  sendDigits: (digits: string) => void;
  /** The system phone's timer: the rep starts it when the prospect answers on their phone. */
  startTimer: () => void;
  setInput: (deviceId: string) => Promise<void>;
  setOutput: (deviceId: string) => Promise<void>;
  refreshDevices: () => Promise<void>;
  /** The duration, metrics and provider to log with the outcome of `callId`; null when none was placed. */
  factsFor: (callId: string) => EndedCall | null;
  /** Forgets an ended call once its outcome is logged; clears the call on screen if it was that one. */
  settle: (callId: string) => void;
  /**
   * Takes an ended call this window did not place (one a reload or crash cut off, see
   * interruptedCalls.ts), so its outcome is logged with its duration, provider and figures.
   * Ignored when an outcome was already logged for its call id.
   */
  adopt: (ended: EndedCall) => void;
  /** Whether an outcome was logged for `callId` (settled): the next dial is a new call. */
  wasLogged: (callId: string) => boolean;
  dismissFailure: () => void;
  /** The kinds offered after `failed` failed: every other kind this build has. */
  alternatives: (failed: ProviderKind) => ProviderKind[];
};

const LIVE: ReadonlySet<CallState> = new Set([
  'connecting',
  'ringing',
  'connected',
  'reconnecting',
  'on-hold',
]);

/** Whether a call in `state` is still going (not idle, ended or failed). */
export const isLive = (state: CallState): boolean => LIVE.has(state);

/**
 * One call attempt over several legs (a provider failed and another took over): the durations add
 * up, the figures are the last leg's that has any, and the provider is the last leg that connected.
 * So what a failed leg measured is never dropped by the retry.
 */
export const combineLegs = (
  previous: EndedCall | undefined,
  leg: EndedCall,
  legConnected: boolean,
): EndedCall => {
  if (!previous) return leg;
  return {
    ...leg,
    provider: legConnected ? leg.provider : previous.provider,
    durationSeconds: previous.durationSeconds + leg.durationSeconds,
    metrics: leg.metrics ?? previous.metrics,
  };
};

const codeOf = (error: unknown): TelephonyErrorCode => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? (code as TelephonyErrorCode) : 'provider_unreachable';
};

/**
 * The call controller: one call at a time over a `TelephonyProvider`. It follows the provider's
 * states (connecting → ringing → connected ⇄ on-hold/reconnecting → ended | failed), times the call
 * from the answer, runs the meter on the call's two streams, and keeps each ended call's `EndedCall`
 * (whole-second duration, final metrics) for the outcome logged with its `callId`. A provider that
 * fails keeps what the call had measured and names the other providers to go on with.
 */
export const createCallController = (deps: ControllerDeps): StoreApi<CallController> =>
  createStore<CallController>((set, get) => {
    let provider: TelephonyProvider | null = null;
    let unsubscribe: Array<() => void> = [];
    let stopMeter: (() => void) | null = null;
    const logged = new Set<string>();

    const patch = (change: Partial<ActiveCall>) => {
      const call = get().call;
      if (call) set({ call: { ...call, ...change } });
    };

    const release = () => {
      stopMeter?.();
      stopMeter = null;
      for (const off of unsubscribe) off();
      unsubscribe = [];
      const done = provider;
      provider = null;
      void done?.dispose().catch(() => undefined);
    };

    /** The call is over (hung up, ended by the prospect, or failed): keep what it measured. */
    const finish = (state: 'ended' | 'failed', error: TelephonyErrorCode | null) => {
      const call = get().call;
      if (!call || !isLive(call.state)) return;
      const endedAt = deps.now();
      const seconds = call.connectedAt === null ? 0 : Math.max(0, (endedAt - call.connectedAt) / 1000);
      const ended = combineLegs(
        get().ended[call.callId],
        {
          callId: call.callId,
          leadId: call.leadId,
          provider: call.provider,
          durationSeconds: Math.round(seconds),
          metrics: call.metrics,
        },
        call.connectedAt !== null,
      );
      release();
      set({
        call: { ...call, state, endedAt, error, held: false, muted: false, warnings: [] },
        ended: { ...get().ended, [call.callId]: ended },
        ...(error ? { failure: { provider: call.provider, code: error, leadId: call.leadId } } : {}),
      });
    };

    const onState = (state: CallState, detail?: { error?: TelephonyErrorCode }) => {
      const call = get().call;
      if (!call || !isLive(call.state)) return;
      if (state === 'ended') return finish('ended', null);
      if (state === 'failed') return finish('failed', detail?.error ?? 'provider_unreachable');
      const connectedAt =
        call.connectedAt ?? (state === 'connected' || state === 'on-hold' ? deps.now() : null);
      patch({ state, connectedAt, held: state === 'on-hold' });
    };

    const onAudio = (audio: CallAudio) => {
      stopMeter?.();
      stopMeter = deps.startMeter(audio, (metrics) => {
        const call = get().call;
        if (!call?.repMeasured) return;
        patch({ metrics, coach: coachStep(call.coach, metrics) });
      });
    };

    return {
      call: null,
      ended: {},
      failure: null,
      devices: [],
      inputId: null,
      outputId: null,
      dial: async ({ leadId, to, callId, provider: kind }) => {
        const current = get().call;
        if (current && isLive(current.state)) return false;
        release();
        set({
          failure: null,
          call: {
            callId,
            leadId,
            to,
            provider: kind,
            state: 'connecting',
            connectedAt: null,
            endedAt: null,
            muted: false,
            held: false,
            warnings: [],
            error: null,
            metrics: null,
            coach: initialCoach(),
            digitsSent: '',
            repMeasured: true,
          },
        });
        try {
          const chosen = deps.providerFor(kind);
          provider = chosen;
          unsubscribe = [
            chosen.on('state', onState),
            chosen.on('audio', onAudio),
            chosen.on('warning', (warning, active) => {
              const warnings = get().call?.warnings ?? [];
              if (active && NO_MIC_WARNINGS.has(warning)) {
                patch({ repMeasured: false, metrics: null, coach: initialCoach() });
              }
              patch({
                warnings: active
                  ? [...warnings.filter((w) => w !== warning), warning]
                  : warnings.filter((w) => w !== warning),
              });
            }),
            chosen.on('error', (code) => finish('failed', code)),
          ];
          await chosen.ready();
          if (provider !== chosen) return false;
          const { inputId, outputId } = get();
          if (inputId) await chosen.setInputDevice(inputId).catch(() => undefined);
          if (outputId) await chosen.setOutputDevice(outputId).catch(() => undefined);
          await chosen.dial({ to, leadId, callId });
          return true;
        } catch (error) {
          // A provider that fails before it reports a state still ends the attempt as failed.
          if (get().call?.callId === callId && isLive(get().call?.state ?? 'idle')) {
            finish('failed', codeOf(error));
          }
          return false;
        }
      },
      hangup: () => {
        const call = get().call;
        if (!call || !isLive(call.state)) return;
        provider?.hangup();
        finish('ended', null);
      },
      toggleMute: () => {
        const call = get().call;
        if (!call || !isLive(call.state)) return;
        provider?.mute(!call.muted);
        patch({ muted: !call.muted });
      },
      toggleHold: async () => {
        const call = get().call;
        if (!call || (call.state !== 'connected' && call.state !== 'on-hold')) return;
        const held = !call.held;
        await provider?.hold(held);
        const now = get().call;
        if (now?.callId === call.callId && isLive(now.state)) {
          patch({ held, state: held ? 'on-hold' : 'connected' });
        }
      },
      sendDigits: (digits) => {
        const call = get().call;
        if (call?.state !== 'connected') return;
        provider?.sendDigits(digits);
        patch({ digitsSent: `${call.digitsSent}${digits}`.slice(-24) });
      },
      startTimer: () => {
        const call = get().call;
        if (!call || !isLive(call.state) || call.connectedAt !== null) return;
        patch({ state: 'connected', connectedAt: deps.now() });
      },
      setInput: async (deviceId) => {
        set({ inputId: deviceId });
        await provider?.setInputDevice(deviceId);
      },
      setOutput: async (deviceId) => {
        set({ outputId: deviceId });
        await provider?.setOutputDevice(deviceId);
      },
      refreshDevices: async () => {
        if (!provider) return;
        set({ devices: await provider.devices() });
      },
      factsFor: (callId) => {
        const ended = get().ended[callId];
        const call = get().call;
        if (call?.callId !== callId || !isLive(call.state)) return ended ?? null;
        // An outcome logged while the call still runs carries what it has so far.
        const seconds = call.connectedAt === null ? 0 : (deps.now() - call.connectedAt) / 1000;
        return combineLegs(
          ended,
          {
            callId,
            leadId: call.leadId,
            provider: call.provider,
            durationSeconds: Math.round(seconds),
            metrics: call.metrics,
          },
          call.connectedAt !== null,
        );
      },
      wasLogged: (callId) => logged.has(callId),
      settle: (callId) => {
        logged.add(callId);
        const { [callId]: _logged, ...rest } = get().ended;
        const call = get().call;
        set({ ended: rest, ...(call?.callId === callId && !isLive(call.state) ? { call: null } : {}) });
      },
      adopt: (ended) => {
        if (logged.has(ended.callId)) return;
        set({ ended: { ...get().ended, [ended.callId]: ended } });
      },
      dismissFailure: () => set({ failure: null }),
      alternatives: (failed) => deps.kinds().filter((kind) => kind !== failed),
    };
  });
