import type { Locale } from '../../../../../shared/api/settings';
import type { AudioDevice, DialRequest, QualityWarning, TelephonyProvider } from '../provider';
import { TelephonyError } from '../provider';
import {
  objectionOf,
  type PracticeChoice,
  type PracticeClip,
  practiceSteps,
  RING_MS,
  scenarioOf,
} from './practiceScript';
import { createProviderEvents } from './providerEvents';

/** The clips' manifest (src/renderer/public/practice/clips.json): file and length per language. */
type Manifest = Record<Locale, Record<PracticeClip, { file: string; seconds: number }>>;

export type PracticeOptions = {
  /** The interface language: the prospect speaks it. */
  locale: () => Locale;
  /** The scenario the rep picked for the next call. */
  choice: () => PracticeChoice;
  random?: () => number;
  /** Where the clips are served; the renderer's `practice/` folder by default. */
  baseUrl?: string;
};

/** DTMF's row and column tones (Hz) per key, ITU-T Q.23. */
const DTMF: Record<string, [number, number]> = {
  '1': [697, 1209],
  '2': [697, 1336],
  '3': [697, 1477],
  '4': [770, 1209],
  '5': [770, 1336],
  '6': [770, 1477],
  '7': [852, 1209],
  '8': [852, 1336],
  '9': [852, 1477],
  '*': [941, 1209],
  '0': [941, 1336],
  '#': [941, 1477],
};

type SinkContext = AudioContext & { setSinkId?: (id: string) => Promise<void> };

/**
 * The practice prospect: a simulated call for role-play drills, with the same states, audio and
 * meter as a real one. It rings, then answers and raises one of the playbook's objections, goes to
 * voicemail, or says no and hangs up (practiceScript.ts). Its `prospect` stream plays the generated
 * clips through Web Audio (and to the speaker); its `rep` stream is the microphone, or silence when
 * there is none or it is refused. Rejects `provider_unreachable` when the clips cannot be loaded;
 * reports `mic_unavailable` when the microphone goes away mid-call.
 */
export const createPracticeProvider = (options: PracticeOptions): TelephonyProvider => {
  const events = createProviderEvents();
  const random = options.random ?? Math.random;
  const base = options.baseUrl ?? new URL('practice/', document.baseURI).href;
  let ctx: SinkContext | null = null;
  let manifest: Manifest | null = null;
  const buffers = new Map<string, AudioBuffer>();
  let timers: number[] = [];
  let sources: AudioBufferSourceNode[] = [];
  let micStream: MediaStream | null = null;
  let repStream: MediaStream | null = null;
  let prospect: MediaStreamAudioDestinationNode | null = null;
  let speaker: GainNode | null = null;
  let inputId: string | null = null;
  let muted = false;
  let held = false;
  let live = false;
  let repSilent: QualityWarning | null = null;

  const later = (ms: number, fn: () => void) => {
    timers.push(window.setTimeout(fn, ms));
  };

  const load = async (clip: PracticeClip): Promise<AudioBuffer> => {
    const lang = options.locale();
    const key = `${lang}/${clip}`;
    const cached = buffers.get(key);
    if (cached) return cached;
    if (!manifest) {
      const response = await fetch(new URL('clips.json', base));
      if (!response.ok) throw new Error(`clips.json: HTTP ${response.status}`);
      manifest = (await response.json()) as Manifest;
    }
    const entry = (manifest[lang] ?? manifest.en)[clip];
    const response = await fetch(new URL(entry.file, base));
    if (!response.ok) throw new Error(`${entry.file}: HTTP ${response.status}`);
    const buffer = await (ctx as AudioContext).decodeAudioData(await response.arrayBuffer());
    buffers.set(key, buffer);
    return buffer;
  };

  /** The microphone (the chosen one), or a silent stream when there is none or it is refused. */
  const repAudio = async (audio: AudioContext): Promise<MediaStream> => {
    repSilent = null;
    for (const track of micStream?.getTracks() ?? []) track.stop();
    micStream = null;
    try {
      micStream = await navigator.mediaDevices.getUserMedia({
        audio: inputId ? { deviceId: { exact: inputId } } : true,
      });
      for (const track of micStream.getAudioTracks()) {
        track.enabled = !muted;
        // Unplugged (or taken by the system) mid-call: the call cannot hear the rep any more.
        track.addEventListener('ended', () => {
          if (live && micStream?.getAudioTracks().includes(track)) events.emit('error', 'mic_unavailable');
        });
      }
      return micStream;
    } catch (error) {
      // The drill goes on without the rep's voice; the call card says why and what to do.
      const name = (error as { name?: unknown } | null)?.name;
      repSilent =
        name === 'NotAllowedError' || name === 'SecurityError' ? 'mic-permission-denied' : 'mic-missing';
      const silence = audio.createConstantSource();
      silence.offset.value = 0;
      const out = audio.createMediaStreamDestination();
      silence.connect(out);
      silence.start();
      return out.stream;
    }
  };

  const play = (buffer: AudioBuffer): Promise<void> =>
    new Promise((resolve) => {
      const audio = ctx;
      if (!audio || !prospect || !speaker) return resolve();
      const source = audio.createBufferSource();
      source.buffer = buffer;
      source.connect(prospect);
      source.connect(speaker);
      source.onended = () => resolve();
      sources.push(source);
      source.start();
    });

  const stopAll = () => {
    for (const id of timers) window.clearTimeout(id);
    timers = [];
    for (const source of sources) {
      try {
        source.stop();
      } catch {
        // Never started or already stopped.
      }
    }
    sources = [];
  };

  const runScript = async (request: DialRequest) => {
    void request;
    const steps = practiceSteps(scenarioOf(options.choice(), random), objectionOf(random));
    const clips = await Promise.all(steps.map((s) => ('say' in s ? load(s.say) : Promise.resolve(null))));
    const audio = ctx as AudioContext;
    later(400, () => events.emit('state', 'ringing'));
    later(400 + RING_MS, async () => {
      if (!live) return;
      prospect = audio.createMediaStreamDestination();
      speaker = audio.createGain();
      speaker.connect(audio.destination);
      repStream = await repAudio(audio);
      if (!live) return;
      events.emit('state', 'connected');
      // Said before the audio, so the meter never counts the silent stream as a rep who listens.
      if (repSilent) events.emit('warning', repSilent, true);
      events.emit('audio', { rep: repStream, prospect: prospect.stream });
      let index = 0;
      const next = () => {
        const step = steps[index];
        const clip = clips[index];
        index += 1;
        if (!step || !live) return;
        later(step.afterMs, async () => {
          if (!live) return;
          if ('hangUp' in step) {
            live = false;
            stopAll();
            events.emit('state', 'ended');
            return;
          }
          if (clip && !held) await play(clip);
          next();
        });
      };
      next();
    });
  };

  return {
    kind: 'practice',
    hasAudio: true,
    ready: async () => {
      if (!ctx) ctx = new AudioContext() as SinkContext;
      await ctx.resume().catch(() => undefined);
    },
    dial: async (request) => {
      if (!ctx) throw new TelephonyError('provider_unreachable', 'The practice prospect is not ready.');
      live = true;
      muted = false;
      held = false;
      events.emit('state', 'connecting');
      try {
        await runScript(request);
      } catch (error) {
        live = false;
        stopAll();
        throw new TelephonyError(
          'provider_unreachable',
          `The practice prospect's voice could not be loaded: ${(error as Error).message}`,
        );
      }
    },
    hangup: () => {
      live = false;
      stopAll();
    },
    mute: (on) => {
      muted = on;
      for (const track of micStream?.getAudioTracks() ?? []) track.enabled = !on;
    },
    hold: async (on) => {
      held = on;
      if (speaker) speaker.gain.value = on ? 0 : 1;
      for (const track of micStream?.getAudioTracks() ?? []) track.enabled = !on && !muted;
    },
    sendDigits: (digits) => {
      const audio = ctx;
      if (!audio || !speaker) return;
      let at = audio.currentTime;
      for (const key of digits) {
        const pair = DTMF[key];
        if (pair) {
          for (const frequency of pair) {
            const tone = audio.createOscillator();
            const gain = audio.createGain();
            tone.frequency.value = frequency;
            gain.gain.value = 0.1;
            tone.connect(gain).connect(speaker);
            tone.start(at);
            tone.stop(at + 0.12);
          }
        }
        at += key === 'w' ? 0.5 : 0.2;
      }
    },
    devices: async (): Promise<AudioDevice[]> => {
      const all = await navigator.mediaDevices.enumerateDevices();
      return all
        .filter((d) => d.kind === 'audioinput' || d.kind === 'audiooutput')
        .map((d) => ({ id: d.deviceId, label: d.label, kind: d.kind as AudioDevice['kind'] }));
    },
    setInputDevice: async (deviceId) => {
      inputId = deviceId;
      if (live && ctx && prospect) {
        repStream = await repAudio(ctx);
        events.emit('audio', { rep: repStream, prospect: prospect.stream });
      }
    },
    setOutputDevice: async (deviceId) => {
      await ctx?.setSinkId?.(deviceId);
    },
    on: events.on,
    dispose: async () => {
      live = false;
      stopAll();
      for (const track of micStream?.getTracks() ?? []) track.stop();
      micStream = null;
      events.clear();
      const audio = ctx;
      ctx = null;
      await audio?.close().catch(() => undefined);
    },
  };
};
