import type { Delimiter } from '@shared/api/imports';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { type CsvRecord, isBlank, readCsv } from '../../../src/main/core/imports/read/csv';
import { decodeBytes, detectEncoding, nonAsciiSample } from '../../../src/main/core/imports/read/decode';
import { chooseDelimiter, readSepHint } from '../../../src/main/core/imports/read/delimiter';
import { findHeader } from '../../../src/main/core/imports/read/header';

const readAll = async (text: string, delimiter: Delimiter = ',', chunkSize?: number) => {
  const records: CsvRecord[] = [];
  await readCsv(text, delimiter, { chunkSize, onRecords: (batch) => void records.push(...batch) });
  return records;
};

const filledRows = (records: CsvRecord[]) =>
  records.filter((r) => !isBlank(r)).map((r) => [r.line, ...r.fields] as const);

describe('a sep= first line', () => {
  it.each([
    ['sep=,\r\n', ','],
    ['sep=;\n', ';'],
    ['SEP=;\r', ';'],
    ['sep=\\t\n', '\t'],
    ['sep=\t\n', '\t'],
    ['sep=|\r\n', '|'],
  ] as const)('%j names the delimiter and is blanked, keeping line numbers', (line, delimiter) => {
    const hint = readSepHint(`${line}Name${delimiter}Phone\n`);
    expect(hint.delimiter).toBe(delimiter);
    expect(hint.text.startsWith('sep')).toBe(false);
    // The first line is now empty: the header stays on physical line 2.
    expect(hint.text.split(/\r\n|\n|\r/)).toEqual(['', `Name${delimiter}Phone`, '']);
  });

  it('leaves text without a hint alone, and blanks a hint naming a mark Dialdeck does not read', () => {
    expect(readSepHint('Name,Phone\nsep=;\n')).toEqual({ text: 'Name,Phone\nsep=;\n' });
    expect(readSepHint('sep=^\nName,Phone\n')).toEqual({ text: '\nName,Phone\n', delimiter: undefined });
  });
});

describe('line endings', () => {
  it('reads every row of a file mixing CRLF, LF and CR, on its physical line', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `Lead ${i},+1415555${String(i).padStart(4, '0')}`);
    const breaks = ['\r\n', '\n', '\r'];
    const text = ['Name,Phone', ...rows].map((row, i) => `${row}${breaks[i % 3]}`).join('');
    for (const chunkSize of [64, 100_000]) {
      const records = filledRows(await readAll(text, ',', chunkSize));
      expect(records).toHaveLength(31);
      expect(records.map((r) => r[0])).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
      expect(records.every((r) => r.length === 3)).toBe(true);
    }
  });

  it('reads a file whose lines all end in a lone CR', async () => {
    const records = filledRows(await readAll('Name;Phone\rAna;+14155550100\rBo;+14155550101\r', ';'));
    expect(records).toEqual([
      [1, 'Name', 'Phone'],
      [2, 'Ana', '+14155550100'],
      [3, 'Bo', '+14155550101'],
    ]);
  });

  it('keeps a quoted multi-line cell whole inside a mixed-ending file, counting its lines', async () => {
    const text =
      'Name,Notes,Phone\r\nAna,"met at expo\rwants a call\nsoon",+14155550100\nBo,plain,+14155550101\r\n';
    const records = filledRows(await readAll(text));
    expect(records).toEqual([
      [1, 'Name', 'Notes', 'Phone'],
      [2, 'Ana', 'met at expo\nwants a call\nsoon', '+14155550100'],
      [5, 'Bo', 'plain', '+14155550101'],
    ]);
  });
});

describe('files with one kind of line break', () => {
  it('a CRLF file keeps its in-cell breaks, counted as lines, with Excel-style LF inside quotes too', async () => {
    const crlf = 'Name,Notes\r\nAna,"two\r\nlines"\r\nBo,x\r\n';
    expect(filledRows(await readAll(crlf))).toEqual([
      [1, 'Name', 'Notes'],
      [2, 'Ana', 'two\r\nlines'],
      [4, 'Bo', 'x'],
    ]);
    const excel = 'Name,Notes\r\nAna,"two\nlines"\r\nBo,x\r\n';
    expect(filledRows(await readAll(excel))).toEqual([
      [1, 'Name', 'Notes'],
      [2, 'Ana', 'two\nlines'],
      [4, 'Bo', 'x'],
    ]);
  });

  it('a CRLF file with one row ending in a lone LF, after a quoted in-cell break, still splits that row', async () => {
    const text = 'Name,Notes\r\nAna,"two\nlines"\r\nBo,x\nCy,y\r\n';
    expect(filledRows(await readAll(text))).toEqual([
      [1, 'Name', 'Notes'],
      [2, 'Ana', 'two\nlines'],
      [4, 'Bo', 'x'],
      [5, 'Cy', 'y'],
    ]);
  });

  it('a broken quote in a CRLF file shows its own line without the CR', async () => {
    const records = await readAll('Name,Phone\r\n"Ana,+14155550100\r\nBo,+14155550101\r\n');
    expect(records.filter((r) => r.quoteError)).toEqual([
      { line: 2, fields: ['"Ana', '+14155550100'], lines: 1, quoteError: 'unterminated_quote' },
    ]);
    expect(filledRows(records.filter((r) => !r.quoteError)).map((r) => r[0])).toEqual([1, 3]);
  });
});

describe('broken quotes', () => {
  const rows = (n: number, from = 0) =>
    Array.from({ length: n }, (_, i) => `Lead ${from + i},+1415555${String(from + i).padStart(4, '0')}`);

  it('an unterminated quote in the middle of a file costs its own line only', async () => {
    const text = ['Name,Phone', ...rows(5), '"Broken,+14155559999', ...rows(5, 5)].join('\n');
    for (const chunkSize of [32, 100_000]) {
      const records = await readAll(text, ',', chunkSize);
      expect(records.filter((r) => r.quoteError)).toEqual([
        { line: 7, fields: ['"Broken', '+14155559999'], lines: 1, quoteError: 'unterminated_quote' },
      ]);
      const good = records.filter((r) => !r.quoteError && !isBlank(r));
      expect(good.map((r) => r.line)).toEqual([1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12]);
    }
  });

  it('a quote still open after 1 MiB is cut at its line at once, and a large file stays quick', async () => {
    const many = rows(60_000);
    many.splice(100, 0, '"Broken,+14155559999');
    // The next quote is over 1 MiB further on: the open record is cut before papaparse gets there.
    many.splice(55_000, 0, 'Ana,"a quoted cell, closed",+14155550000');
    const text = ['Name,Phone', ...many].join('\n');
    const started = performance.now();
    const records = await readAll(text, ',', 64 * 1024);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(records.filter((r) => r.quoteError).map((r) => r.line)).toEqual([102]);
    expect(records.filter((r) => !r.quoteError && !isBlank(r))).toHaveLength(60_002);
  });

  it('a stray quote that a later cell closes does not swallow the rows between them', async () => {
    const text = [
      'Name,Notes,Phone',
      'Ana,"wants a call,+14155550100',
      'Bo,ok,+14155550101',
      'Cy,"fine",+14155550102',
    ].join('\r\n');
    const records = await readAll(text);
    expect(records.filter((r) => r.quoteError).map((r) => r.line)).toEqual([2]);
    expect(filledRows(records.filter((r) => !r.quoteError))).toEqual([
      [1, 'Name', 'Notes', 'Phone'],
      [3, 'Bo', 'ok', '+14155550101'],
      [4, 'Cy', 'fine', '+14155550102'],
    ]);
  });
});

describe('the header row', () => {
  const recordsOf = async (text: string, delimiter: Delimiter = ',') =>
    (await readAll(text, delimiter)).filter((r) => !isBlank(r));

  it('skips two title lines and a blank line above it', async () => {
    const text =
      'Leads from the spring fair\nExported 2026-04-02 by Mia\n\nName,Company,Phone,Email\nAna,Acme,+14155550100,ana@example.com\nBo,Globex,+14155550101,bo@example.com\n';
    expect(findHeader(await recordsOf(text))?.line).toBe(4);
  });

  it('skips a note that holds a few commas, and title cells padded to the full width', async () => {
    const text =
      'Q3 list,,,,\n"Owner: Mia, RevOps",see wiki,,,\nFirst name,Last name,Company,Mobile,State\nAna,Ng,Acme,+14155550100,CA\nBo,Li,Globex,+14155550101,NY\n';
    expect(findHeader(await recordsOf(text))?.line).toBe(3);
  });

  it('takes the first row of a plain file, and of a one-column file', async () => {
    expect(findHeader(await recordsOf('Name,Phone\nAna,+14155550100\n'))?.line).toBe(1);
    expect(findHeader(await recordsOf('\n\nName\nAna\nBo\n'))?.line).toBe(3);
  });

  it('prefers the row naming lead fields over a wide title row', async () => {
    const text = 'Report,Region,Week\nName,Phone,Email\nAna,+14155550100,a@example.com\n';
    expect(findHeader(await recordsOf(text))?.line).toBe(2);
  });
});

describe('delimiters', () => {
  it('finds pipes, and is not misled by a title line above a semicolon file', () => {
    expect(chooseDelimiter('Name|Phone|Email\nAna|+1415|a@x.com\nBo|+1416|b@x.com\n', 'a.csv')).toEqual({
      delimiter: '|',
      columns: 3,
    });
    const titled =
      'Liste des prospects\n\nNom;Société;Téléphone\nZoé;Dupont, Fils;+33199001234\nLuc;Petit;+33199001235\n';
    expect(chooseDelimiter(titled, 'a.csv')).toEqual({ delimiter: ';', columns: 3 });
  });
});

describe('encoding detection over the whole file', () => {
  const asciiRows = (bytes: number) => {
    const rows: string[] = ['Name,Company,Phone'];
    let size = rows[0]?.length ?? 0;
    for (let i = 0; size < bytes; i++) {
      const row = `Lead ${i},Example Co ${i},+1 415 555 ${String(i % 10_000).padStart(4, '0')}`;
      rows.push(row);
      size += row.length + 2;
    }
    return `${rows.join('\r\n')}\r\n`;
  };

  it.each([
    ['gb18030', '张伟,星辰科技有限公司,138 0013 8000\r\n王芳,海蓝贸易(深圳)有限公司,0755-8888 6666\r\n'],
    ['cp949', '김민수,한빛소프트,010-1234-5678\r\n이서연,푸른바다무역(주),02-3456-7890\r\n'],
  ] as const)('finds %s when the first 200 KB are ASCII', (encoding, tail) => {
    const text = `${asciiRows(200 * 1024)}${tail}`;
    const bytes = iconv.encode(text, encoding);
    expect(detectEncoding(bytes, 'leads.csv')).toBe(encoding);
    expect(decodeBytes(bytes, encoding).endsWith(tail)).toBe(true);
  });

  it('samples the non-ASCII lines from every part of a large file, whole', () => {
    const early = '王芳,海蓝贸易,0755-8888 6666\r\n';
    const late = '张伟,星辰科技,138 0013 8000\r\n';
    const bytes = iconv.encode(`${asciiRows(10_000)}${early}${asciiRows(300_000)}${late}`, 'gb18030');
    const sample = iconv.decode(nonAsciiSample(bytes), 'gb18030');
    expect(sample).toContain('王芳,海蓝贸易');
    expect(sample).toContain('张伟,星辰科技');
    expect(sample).not.toContain('Lead 5');
    expect(nonAsciiSample(Buffer.from(asciiRows(50_000)))).toHaveLength(0);
  });
});
