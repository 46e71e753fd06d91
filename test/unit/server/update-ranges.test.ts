import { describe, expect, it } from 'vitest';
import { byteRange } from '../../../src/server/routes/updates';

describe('byte ranges of the update feed (RFC 9110 §14.1.2)', () => {
  it('reads first-last, first- and -suffix, cutting the last byte to the file’s end', () => {
    expect(byteRange('bytes=0-499', 1000)).toEqual({ start: 0, end: 499 });
    expect(byteRange('bytes=500-', 1000)).toEqual({ start: 500, end: 999 });
    expect(byteRange('bytes=-200', 1000)).toEqual({ start: 800, end: 999 });
    expect(byteRange('bytes=-5000', 1000)).toEqual({ start: 0, end: 999 });
    expect(byteRange('bytes=900-5000', 1000)).toEqual({ start: 900, end: 999 });
  });

  it('is unsatisfiable past the end or for an empty suffix', () => {
    expect(byteRange('bytes=1000-', 1000)).toBe('unsatisfiable');
    expect(byteRange('bytes=-0', 1000)).toBe('unsatisfiable');
    expect(byteRange('bytes=0-', 0)).toBe('unsatisfiable');
  });

  it('sends the whole file for no range, several ranges, other units or malformed ones', () => {
    for (const header of [undefined, 'bytes=0-1,5-6', 'items=0-1', 'bytes=5-2', 'bytes=-', 'bytes=a-b']) {
      expect(byteRange(header, 1000), String(header)).toBeNull();
    }
  });
});
