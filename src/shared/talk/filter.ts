/**
 * A second-order IIR section (biquad) in direct form I, coefficients from Robert Bristow-Johnson's
 * "Audio EQ Cookbook" (W3C Audio EQ Cookbook note, 2021). State is kept between calls so frames of any
 * size filter as one stream.
 */
export type Biquad = { step: (sample: number) => number };

const biquad = (b0: number, b1: number, b2: number, a0: number, a1: number, a2: number): Biquad => {
  const nb0 = b0 / a0;
  const nb1 = b1 / a0;
  const nb2 = b2 / a0;
  const na1 = a1 / a0;
  const na2 = a2 / a0;
  let x1 = 0;
  let x2 = 0;
  let y1 = 0;
  let y2 = 0;
  return {
    step: (x) => {
      const y = nb0 * x + nb1 * x1 + nb2 * x2 - na1 * y1 - na2 * y2;
      x2 = x1;
      x1 = x;
      y2 = y1;
      // Flush denormals: a long silence would otherwise slow the filter down by orders of magnitude.
      y1 = Math.abs(y) < 1e-20 ? 0 : y;
      return y1;
    },
  };
};

/** Butterworth high-pass (Q = 1/√2) at `cutoffHz` for a stream sampled at `sampleRate` Hz. */
export const highPass = (cutoffHz: number, sampleRate: number): Biquad => {
  const w0 = (2 * Math.PI * cutoffHz) / sampleRate;
  const alpha = Math.sin(w0) / (2 * Math.SQRT1_2);
  const cos = Math.cos(w0);
  return biquad((1 + cos) / 2, -(1 + cos), (1 + cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
};

/** Butterworth low-pass (Q = 1/√2) at `cutoffHz` (kept below 0.45 × `sampleRate`). */
export const lowPass = (cutoffHz: number, sampleRate: number): Biquad => {
  const w0 = (2 * Math.PI * Math.min(cutoffHz, 0.45 * sampleRate)) / sampleRate;
  const alpha = Math.sin(w0) / (2 * Math.SQRT1_2);
  const cos = Math.cos(w0);
  return biquad((1 - cos) / 2, 1 - cos, (1 - cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
};
