import {
  Base64Upload,
  base64Length,
  MAX_REQUEST_BYTES,
  MAX_UPLOAD_BASE64_CHARS,
  MAX_UPLOAD_BYTES,
} from '@shared/api/limits';
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../src/main/core/imports/limits';

describe('the shared upload limit', () => {
  it('is the one figure the core and the contract use (the wizard imports it too)', () => {
    expect(MAX_IMPORT_BYTES).toBe(MAX_UPLOAD_BYTES);
    expect(MAX_UPLOAD_BASE64_CHARS).toBe(base64Length(MAX_UPLOAD_BYTES));
  });

  it('counts base64 characters as Node encodes them', () => {
    for (const bytes of [0, 1, 2, 3, 4, 5, 6, 1000, 1001, 1002]) {
      expect(base64Length(bytes)).toBe(Buffer.alloc(bytes, 7).toString('base64').length);
    }
  });

  it('lets the largest upload through the contract and nothing longer', () => {
    // Checked on strings of the limit's length plus one: zod reads the length, not the text.
    expect(Base64Upload.safeParse('A'.repeat(MAX_UPLOAD_BASE64_CHARS)).success).toBe(true);
    const over = Base64Upload.safeParse('A'.repeat(MAX_UPLOAD_BASE64_CHARS + 1));
    expect(over.success).toBe(false);
    expect(over.error?.issues[0]?.message).toMatch(/larger than 100 MB.*Split it/);
  });

  it('leaves the web host room for the largest upload with its request around it', () => {
    const envelope = JSON.stringify({
      id: Number.MAX_SAFE_INTEGER,
      method: 'imports.preview',
      input: {
        // The contract's longest file name, in four-byte characters.
        fileName: '😀'.repeat(250),
        dataBase64: '',
        options: { encoding: 'utf-16le', delimiter: ';', region: 'US' },
      },
    });
    expect(Buffer.byteLength(envelope) + MAX_UPLOAD_BASE64_CHARS).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
  });
});
