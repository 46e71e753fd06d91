// The talk/listen meter on the audio rendering thread: input 0 carries two channels (0 = rep, 1 = the
// prospect, as startMeter merges them); the shared meter decides talk frame by frame and the processor
// posts its metrics and live state every `reportEveryMs` of audio. An AudioWorklet, not a timer, so the
// browser does not throttle it when the window is hidden.
import { createTalkMeter } from '../../../../../shared/talk/meter';
import {
  type FromProcessor,
  type ProcessorOptions,
  TALK_METER_PROCESSOR,
  type ToProcessor,
} from './messages';

// The AudioWorkletGlobalScope's names (not in TypeScript's DOM library).
declare const sampleRate: number;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
}
declare const registerProcessor: (
  name: string,
  processor: new (options: { processorOptions?: ProcessorOptions }) => AudioWorkletProcessor,
) => void;

const SILENCE = new Float32Array(128);

class TalkMeterProcessor extends AudioWorkletProcessor {
  private readonly meter = createTalkMeter({ sampleRate });
  private readonly reportEvery: number;
  private sinceReport = 0;
  private finished = false;

  constructor(options: { processorOptions?: ProcessorOptions }) {
    super();
    this.reportEvery = Math.round(((options.processorOptions?.reportEveryMs ?? 250) / 1000) * sampleRate);
    this.port.onmessage = (event: MessageEvent<ToProcessor>) => {
      if (event.data.type === 'finish' && !this.finished) {
        this.finished = true;
        const metrics = this.meter.finish();
        this.post({ metrics, live: this.meter.live(), final: true });
      }
    };
  }

  private post(update: FromProcessor['update']) {
    this.port.postMessage({ type: 'update', update } satisfies FromProcessor);
  }

  process(inputs: Float32Array[][]): boolean {
    if (this.finished) return false;
    const channels = inputs[0] ?? [];
    // A disconnected input has no channels: it is silence, and the call's clock still runs.
    const rep = channels[0] ?? SILENCE;
    const prospect = channels[1] ?? SILENCE;
    this.meter.push(rep, prospect.length === rep.length ? prospect : new Float32Array(rep.length));
    this.sinceReport += rep.length;
    if (this.sinceReport >= this.reportEvery) {
      this.sinceReport = 0;
      this.post({ metrics: this.meter.metrics(), live: this.meter.live(), final: false });
    }
    return true;
  }
}

registerProcessor(TALK_METER_PROCESSOR, TalkMeterProcessor);
