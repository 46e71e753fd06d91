import wavefile from 'wavefile';
import { AppError } from '../errors';
import { readUserFile } from '../files/userFiles';

const { WaveFile } = wavefile;

/** A decoded WAV: its rate in Hz, channel count, length in sample frames and a chunked reader. */
export type StereoWav = {
  sampleRate: number;
  frames: number;
  /** Calls `onChunk` with `left` and `right` as floats in [-1, 1], `chunk` frames at a time. */
  read: (chunk: number, onChunk: (left: Float32Array, right: Float32Array) => void) => void;
};

/** Linear PCM and IEEE float as wavefile names them; G.711 A-law/µ-law are widened to 16-bit first. */
const PCM_FULL_SCALE: Record<string, { scale: number; offset: number }> = {
  '8': { scale: 128, offset: 128 }, // 8-bit WAV is unsigned, centred on 128 (RIFF spec, 1991)
  '16': { scale: 32_768, offset: 0 },
  '24': { scale: 8_388_608, offset: 0 },
  '32': { scale: 2_147_483_648, offset: 0 },
  '32f': { scale: 1, offset: 0 },
  '64': { scale: 1, offset: 0 },
};

const invalid = (path: string, reason: string) =>
  new AppError(
    'talk_wav_invalid',
    `${path} is not a WAV recording Dialdeck can read (${reason}). Export the call as a WAV file (PCM or float, two channels) and try again.`,
    undefined,
    { path, reason },
  );

const WAV_MAGIC = new Set(['RIFF', 'RIFX', 'RF64']);

/**
 * What a file that does not parse as WAV holds, in words, when its first bytes tell: empty, text, or
 * not a WAV container at all (another audio format). Undefined for a WAV container that is damaged.
 */
const whatTheFileIs = (bytes: Uint8Array): string | undefined => {
  if (bytes.length === 0) return 'the file is empty, 0 bytes';
  if (WAV_MAGIC.has(Buffer.from(bytes.subarray(0, 4)).toString('latin1'))) return undefined;
  const head = bytes.subarray(0, 4096);
  const isText =
    !head.includes(0) && !Buffer.from(head).toString('utf8').includes('\uFFFD') && head.length > 0;
  return isText
    ? 'it is a text file, not audio'
    : 'it does not start with a WAV header: it may be another audio format, such as MP3 or M4A';
};

/** wavefile's reason for refusing a WAV container, as a clause (its own wording, less the full stop). */
const libraryReason = (error: unknown): string =>
  error instanceof Error
    ? `its WAV header is damaged: ${error.message.replace(/\.$/, '')}`
    : 'its WAV header is damaged';

/**
 * Reads the stereo WAV recording at `path` (RIFF, RIFX or RF64 parsed by wavefile; 8/16/24/32-bit PCM,
 * 32/64-bit float, A-law, µ-law; any sample rate from 8 kHz to 192 kHz).
 * Throws AppError `file_not_found` / `file_is_directory` / `file_permission_denied` / `file_io_error`
 * (params `{ path }`), `talk_wav_invalid` (not a WAV, or a damaged one; `{ path, reason }`),
 * `talk_wav_unsupported` (a compressed encoding; `{ path, format }`) or `talk_wav_not_stereo` (one
 * channel, or more than two; `{ path, channels }`).
 */
export const readStereoWav = (path: string): StereoWav => {
  const bytes = readUserFile(path);
  const wav = new WaveFile();
  try {
    wav.fromBuffer(bytes);
  } catch (error) {
    throw invalid(path, whatTheFileIs(bytes) ?? libraryReason(error));
  }
  const fmt = wav.fmt as { numChannels: number; sampleRate: number };
  if (fmt.numChannels !== 2) {
    throw new AppError(
      'talk_wav_not_stereo',
      `${path} has ${fmt.numChannels} channel(s); the analyzer needs a stereo recording with the rep on one channel and the prospect on the other (a dual-channel recording). Record or export the call in dual channel and try again.`,
      undefined,
      { path, channels: fmt.numChannels },
    );
  }
  if (wav.bitDepth === '8a') wav.fromALaw();
  else if (wav.bitDepth === '8m') wav.fromMuLaw();
  const depth = PCM_FULL_SCALE[wav.bitDepth];
  if (depth === undefined) {
    const format = wav.bitDepth === '4' ? 'IMA ADPCM' : `${wav.bitDepth}-bit`;
    throw new AppError(
      'talk_wav_unsupported',
      `${path} is stored as ${format} audio, which the analyzer does not decode. Convert it to 16-bit PCM WAV (for example: sox IN.wav -e signed -b 16 OUT.wav) and try again.`,
      undefined,
      { path, format },
    );
  }
  if (fmt.sampleRate < 8000 || fmt.sampleRate > 192_000) {
    throw invalid(path, `a sample rate of ${fmt.sampleRate} Hz, outside 8000–192000 Hz`);
  }
  const { samples, chunkSize } = wav.data as { samples: Uint8Array; chunkSize: number };
  // A recorder that streams may leave the size unknown (0 or 0xFFFFFFFF); any other size is a promise.
  if (chunkSize !== 0 && chunkSize !== 0xffffffff && samples.length < chunkSize) {
    throw invalid(
      path,
      `it stops after ${samples.length} of the ${chunkSize} bytes of audio its header announces`,
    );
  }
  const frames = Math.floor(samples.length / ((Number.parseInt(wav.bitDepth, 10) / 8) * 2));
  return {
    sampleRate: fmt.sampleRate,
    frames,
    read: (chunk, onChunk) => {
      const left = new Float32Array(chunk);
      const right = new Float32Array(chunk);
      for (let start = 0; start < frames; start += chunk) {
        const count = Math.min(chunk, frames - start);
        for (let i = 0; i < count; i += 1) {
          left[i] = (wav.getSample(2 * (start + i)) - depth.offset) / depth.scale;
          right[i] = (wav.getSample(2 * (start + i) + 1) - depth.offset) / depth.scale;
        }
        onChunk(left.subarray(0, count), right.subarray(0, count));
      }
    },
  };
};
