import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { checkReadable, decodeBytes, detectEncoding } from '../../../src/main/core/imports/read/decode';
import { decodeFile } from '../../../src/main/core/imports/read/inspect';
import { refuseOtherFormats } from '../../../src/main/core/imports/read/sniff';

const ZH =
  '姓名,公司,电话,邮箱\n王芳,华东精密制造有限公司,13800138000,wang@example.cn\n李雷,北京科技,13912345678,li@example.cn\n';
const KO =
  '이름,회사,전화,이메일\n김민수,삼성전자,010-1234-5678,kim@example.kr\n박지영,현대자동차,010-9876-5432,park@example.kr\n';
const FR =
  'Nom,Société,Téléphone\nRené Müller,Café Crème,+33 1 23 45 67 89\nZoë Lefèvre,Crêperie Âme,+33 4 56 78 90 12\n';

const withBom = (bom: number[], body: Buffer) => Buffer.concat([Buffer.from(bom), body]);
const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();

describe('encoding detection', () => {
  const cases: [string, Buffer, string][] = [
    ['UTF-8 without BOM', Buffer.from(ZH, 'utf8'), 'utf-8'],
    ['UTF-8 with BOM', withBom([0xef, 0xbb, 0xbf], Buffer.from(KO, 'utf8')), 'utf-8'],
    ['GB18030', iconv.encode(ZH, 'gb18030'), 'gb18030'],
    ['GBK (a GB18030 subset)', iconv.encode(ZH, 'gbk'), 'gb18030'],
    ['CP949', iconv.encode(KO, 'cp949'), 'cp949'],
    ['EUC-KR (a CP949 subset)', iconv.encode(KO, 'euc-kr'), 'cp949'],
    ['UTF-16LE with BOM', withBom([0xff, 0xfe], Buffer.from(ZH, 'utf16le')), 'utf-16le'],
    ['UTF-16BE with BOM', withBom([0xfe, 0xff], utf16be(KO)), 'utf-16be'],
    ['UTF-16LE without BOM', Buffer.from('Name,Phone\nAna,+14155550100\n', 'utf16le'), 'utf-16le'],
    ['Windows-1252', iconv.encode(FR, 'windows-1252'), 'windows-1252'],
  ];
  it.each(cases)('detects %s and decodes it to the original text', (_label, bytes, encoding) => {
    const detected = detectEncoding(bytes, 'leads.csv');
    expect(detected).toBe(encoding);
    const text = decodeBytes(bytes, detected);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect([ZH, KO, FR, 'Name,Phone\nAna,+14155550100\n']).toContain(text);
  });

  it('tells Chinese from Korean on a short sample too', () => {
    expect(detectEncoding(iconv.encode('姓名,电话\n王芳,13800138000\n', 'gb18030'), 'a.csv')).toBe('gb18030');
    expect(detectEncoding(iconv.encode('이름,전화\n김민수,010-1234-5678\n', 'cp949'), 'a.csv')).toBe('cp949');
  });

  it('lets an explicit encoding override the guess', () => {
    const bytes = iconv.encode(KO, 'cp949');
    const { text, encoding } = decodeFile(bytes, 'a.csv', 'cp949');
    expect(encoding).toBe('cp949');
    expect(text).toBe(KO);
  });

  it('refuses text read with the wrong encoding', () => {
    const bytes = iconv.encode(ZH.repeat(20), 'gb18030');
    expect(() => decodeFile(bytes, 'a.csv', 'utf-8')).toThrow(
      expect.objectContaining({ code: 'import_unreadable' }),
    );
  });

  it('refuses binary data', () => {
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
    expect(() => detectEncoding(bytes, 'a.csv')).toThrow(
      expect.objectContaining({ code: 'import_unreadable' }),
    );
  });

  it('accepts a little noise but not a page of control characters', () => {
    expect(() => checkReadable(`Name\n${'Ana\u0001\n'.repeat(3)}`, 'a.csv', 'utf-8')).not.toThrow();
    expect(() => checkReadable('\u0001\u0002\u0003'.repeat(100), 'a.csv', 'utf-8')).toThrow(
      expect.objectContaining({ code: 'import_unreadable' }),
    );
  });
});

describe('other formats', () => {
  const formats: [string, number[]][] = [
    ['xlsx (zip)', [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]],
    ['xls', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
    ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
    ['PDF', [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]],
  ];
  it.each(formats)('refuses %s with import_not_csv and says to save it as CSV', (_label, head) => {
    const bytes = Buffer.concat([Buffer.from(head), Buffer.alloc(64, 1)]);
    expect(() => refuseOtherFormats(bytes, 'leads.xlsx')).toThrow(
      expect.objectContaining({ code: 'import_not_csv', message: expect.stringMatching(/save it as "CSV/) }),
    );
  });

  it('refuses web pages and spreadsheet XML', () => {
    expect(() => decodeFile(Buffer.from('<?xml version="1.0"?><Workbook/>'), 'a.csv')).toThrow(
      expect.objectContaining({ code: 'import_not_csv' }),
    );
  });

  it('refuses empty files and files of blank lines', () => {
    expect(() => decodeFile(Buffer.alloc(0), 'a.csv')).toThrow(
      expect.objectContaining({ code: 'import_empty_file' }),
    );
    expect(() => decodeFile(Buffer.from('\ufeff\r\n\r\n  \n'), 'a.csv')).toThrow(
      expect.objectContaining({ code: 'import_empty_file' }),
    );
  });
});
