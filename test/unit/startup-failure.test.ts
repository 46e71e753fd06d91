import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/main/core/errors';
import { fileFailure } from '../../src/main/core/files/failures';
import { storeFailure } from '../../src/main/core/store/failures';
import { startupFailure, startupLocale } from '../../src/main/startup-failure';
import { en } from '../../src/renderer/src/i18n/resources/en';
import { ko } from '../../src/renderer/src/i18n/resources/ko';
import { zhCN } from '../../src/renderer/src/i18n/resources/zh-CN';

const place = { dataDir: '/home/ana/.config/Dialdeck', nativeBinding: undefined };

describe('the startup dialog speaks the OS language', () => {
  it.each([
    ['zh-CN', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['ko', 'ko'],
    ['ko-KR', 'ko'],
    ['en-US', 'en'],
    ['de', 'en'],
    ['', 'en'],
    ['kok', 'en'],
  ] as const)('%j → %s', (os, locale) => {
    expect(startupLocale(os)).toBe(locale);
  });

  it('a store failure names its path in each language, from errors.codes', () => {
    const error = storeFailure('store_corrupt', '/data/dialdeck.sqlite');
    const zh = startupFailure(error, 'zh-CN', place);
    expect(zh.title).toBe(zhCN.app.startFailedTitle);
    expect(zh.body).toBe(zhCN.errors.codes.store_corrupt.replace('{{path}}', '/data/dialdeck.sqlite'));
    const korean = startupFailure(error, 'ko', place);
    expect(korean.title).toBe(ko.app.startFailedTitle);
    expect(korean.body).toContain('/data/dialdeck.sqlite');
    expect(korean.body).not.toContain('{{');
    expect(startupFailure(error, 'en', place).body).toBe(
      en.errors.codes.store_corrupt.replace('{{path}}', '/data/dialdeck.sqlite'),
    );
    const notFolder = startupFailure(fileFailure('data_dir_not_directory', '/data'), 'ko', place);
    expect(notFolder.body).toBe(ko.errors.codes.data_dir_not_directory.replace('{{path}}', '/data'));
  });

  it("English keeps the core's own wording for an error without params; other languages translate the code", () => {
    const error = new AppError('store_newer_version', 'Written by schema 99; this version knows up to 7.');
    expect(startupFailure(error, 'en', place).body).toBe(error.message);
    expect(startupFailure(error, 'zh-CN', place).body).toBe(zhCN.errors.codes.store_newer_version);
  });

  it('a native module built for another runtime says what to run; anything else names the data folder', () => {
    const mismatch = new Error(
      'was compiled against a different Node.js version using NODE_MODULE_VERSION 115',
    );
    expect(startupFailure(mismatch, 'ko', place).body).toBe(ko.app.startFailedModuleMissing);
    const built = startupFailure(mismatch, 'zh-CN', { ...place, nativeBinding: '/x/better_sqlite3.node' });
    expect(built.body).toContain('NODE_MODULE_VERSION 115');
    expect(built.body).toContain('npm run setup');
    expect(built.body).not.toBe(en.app.startFailedModuleMismatch);
    const other = startupFailure(new Error('boom'), 'zh-CN', place);
    expect(other.body).toBe(`Dialdeck 无法打开 ${place.dataDir} 中的数据：boom`);
  });
});
