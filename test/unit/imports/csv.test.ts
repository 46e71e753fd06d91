import type { Delimiter } from '@shared/api/imports';
import { describe, expect, it } from 'vitest';
import { type CsvRecord, isBlank, readCsv } from '../../../src/main/core/imports/read/csv';
import { chooseDelimiter } from '../../../src/main/core/imports/read/delimiter';

const readAll = async (text: string, delimiter: Delimiter = ',', chunkSize?: number) => {
  const records: CsvRecord[] = [];
  let chunks = 0;
  await readCsv(text, delimiter, {
    chunkSize,
    onRecords: (batch) => {
      chunks++;
      records.push(...batch);
    },
  });
  return { records, chunks };
};

describe('delimiter detection', () => {
  it.each([
    [',', 'Name,Phone,Email\nAna,+14155550100,ana@example.com\nBo,+14155550101,bo@example.com\n'],
    [';', 'Name;Phone;Email\nAna;+14155550100;ana@example.com\nBo;+14155550101;bo@example.com\n'],
    ['\t', 'Name\tPhone\tEmail\nAna\t+14155550100\tana@example.com\nBo\t+14155550101\tbo@example.com\n'],
  ] as const)('finds %j', (delimiter, text) => {
    expect(chooseDelimiter(text, 'a.csv').delimiter).toBe(delimiter);
  });

  it('is not fooled by delimiters inside quoted cells', () => {
    const text =
      'Name;Notes;Phone\n"Li, Wei";"met at expo, wants call; soon";+8613800138000\nAna;"a, b, c";+14155550100\n';
    expect(chooseDelimiter(text, 'a.csv')).toEqual({ delimiter: ';', columns: 3 });
  });

  it('refuses a chosen delimiter that does not split the file when another does', () => {
    const text = 'Name;Phone\nAna;+14155550100\n';
    expect(() => chooseDelimiter(text, 'a.csv', ',')).toThrow(
      expect.objectContaining({
        code: 'import_wrong_delimiter',
        message: expect.stringContaining('semicolons'),
      }),
    );
  });

  it('refuses files separated by a mark Dialdeck does not read', () => {
    const text = 'Name^Phone^Email\nAna^+14155550100^ana@example.com\nBo^+14155550101^bo@example.com\n';
    expect(() => chooseDelimiter(text, 'a.csv')).toThrow(
      expect.objectContaining({ code: 'import_wrong_delimiter' }),
    );
  });

  it('reads a one-column file with commas', () => {
    expect(chooseDelimiter('Name\nAna\nBo\n', 'a.csv')).toEqual({ delimiter: ',', columns: 1 });
  });
});

describe('reading records', () => {
  it('counts physical lines across quoted line breaks, blank lines and CRLF', async () => {
    const text = 'Name,Notes\r\nAna,"two\r\nlines"\r\n\r\nBo,"three\nmixed\rbreaks"\r\nCy,plain\r\n';
    const { records } = await readAll(text);
    const lines = records.filter((r) => r.fields.some((f) => f !== '')).map((r) => [r.line, r.fields[0]]);
    expect(lines).toEqual([
      [1, 'Name'],
      [2, 'Ana'],
      [5, 'Bo'],
      [8, 'Cy'],
    ]);
    // Breaks inside a cell are kept, as \n whatever the file used.
    expect(records.find((r) => r.fields[0] === 'Ana')?.fields[1]).toBe('two\nlines');
    expect(records.find((r) => r.fields[0] === 'Bo')?.fields[1]).toBe('three\nmixed\nbreaks');
  });

  it('keeps escaped quotes and delimiters inside quoted cells', async () => {
    const { records } = await readAll('a,b\n"say ""hi""","x,y"\n');
    expect(records[1]?.fields).toEqual(['say "hi"', 'x,y']);
  });

  it('gives the same records whatever the chunk size, yielding between chunks', async () => {
    const rows = Array.from(
      { length: 500 },
      (_, i) => `Lead ${i},"note ${i}\nline two",+1415555${String(i).padStart(4, '0')}`,
    );
    const text = `Name,Notes,Phone\n${rows.join('\n')}\n`;
    const whole = await readAll(text, ',', 10_000_000);
    const small = await readAll(text, ',', 1_000);
    expect(small.chunks).toBeGreaterThan(10);
    expect(small.records.map((r) => [r.line, ...r.fields])).toEqual(
      whole.records.map((r) => [r.line, ...r.fields]),
    );
    expect(whole.records[500]?.line).toBe(1 + 2 * 499 + 1);
  });

  it('marks a record whose quote is never closed on its own line, and reads the rows after it', async () => {
    const { records } = await readAll('Name,Phone\nAna,+14155550100\n"Bo,+14155550101\nCy,+14155550102\n');
    const broken = records.filter((r) => r.quoteError);
    expect(broken).toEqual([
      { line: 3, fields: ['"Bo', '+14155550101'], lines: 1, quoteError: 'unterminated_quote' },
    ]);
    expect(records.filter((r) => !r.quoteError && !isBlank(r)).map((r) => [r.line, r.fields[0]])).toEqual([
      [1, 'Name'],
      [2, 'Ana'],
      [4, 'Cy'],
    ]);
  });
});
