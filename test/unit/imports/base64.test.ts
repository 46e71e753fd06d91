import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeBase64 } from '../../../src/main/core/imports/limits';

const bytesOf = ({ buffer, length }: { buffer: SharedArrayBuffer; length: number }) =>
  Buffer.from(buffer, 0, length);

describe('decodeBase64', () => {
  it('decodes an upload of several slices into shared memory, turning the event loop between slices', async () => {
    const original = randomBytes(7 * 1024 * 1024 + 5); // three slices, the last one padded
    let turns = 0;
    let decoding = true;
    const spin = () => {
      if (!decoding) return;
      turns++;
      setImmediate(spin);
    };
    setImmediate(spin);
    const decoded = await decodeBase64(original.toString('base64'));
    decoding = false;
    expect(decoded.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(decoded.length).toBe(original.length);
    expect(bytesOf(decoded).equals(original)).toBe(true);
    expect(turns).toBeGreaterThanOrEqual(2);
  });

  it('decodes base64 wrapped in lines (as mail and some tools write it) like Buffer does', async () => {
    const original = randomBytes(5 * 1024 * 1024);
    const wrapped = original.toString('base64').replace(/.{76}/g, '$&\r\n');
    const decoded = await decodeBase64(wrapped);
    expect(decoded.length).toBe(original.length);
    expect(bytesOf(decoded).equals(original)).toBe(true);
  });

  it('decodes a small or empty upload', async () => {
    expect(bytesOf(await decodeBase64(Buffer.from('Name\nAna\n').toString('base64'))).toString()).toBe(
      'Name\nAna\n',
    );
    expect((await decodeBase64('')).length).toBe(0);
  });
});
