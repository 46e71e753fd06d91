import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, flagValue, resolveDataDir, storeFile } from '../../src/main/core/paths';

describe('defaultDataDir', () => {
  it('uses %APPDATA%\\Dialdeck on Windows', () => {
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\sam\\AppData\\Roaming' }, 'C:\\Users\\sam')).toBe(
      'C:\\Users\\sam\\AppData\\Roaming\\Dialdeck',
    );
  });

  it('falls back to the roaming profile under home when APPDATA is unset or blank', () => {
    expect(defaultDataDir('win32', {}, 'C:\\Users\\sam')).toBe('C:\\Users\\sam\\AppData\\Roaming\\Dialdeck');
    expect(defaultDataDir('win32', { APPDATA: ' ' }, 'C:\\Users\\sam')).toBe(
      'C:\\Users\\sam\\AppData\\Roaming\\Dialdeck',
    );
  });

  it('uses ~/Library/Application Support/Dialdeck on macOS, whatever XDG says', () => {
    expect(defaultDataDir('darwin', { XDG_CONFIG_HOME: '/x' }, '/Users/sam')).toBe(
      '/Users/sam/Library/Application Support/Dialdeck',
    );
  });

  it('uses $XDG_CONFIG_HOME/Dialdeck on Linux, else ~/.config/Dialdeck', () => {
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/home/sam/cfg' }, '/home/sam')).toBe(
      '/home/sam/cfg/Dialdeck',
    );
    expect(defaultDataDir('linux', {}, '/home/sam')).toBe('/home/sam/.config/Dialdeck');
  });

  it('ignores a relative XDG_CONFIG_HOME, as the XDG spec requires', () => {
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: 'cfg' }, '/home/sam')).toBe(
      '/home/sam/.config/Dialdeck',
    );
  });
});

describe('resolveDataDir', () => {
  const env = { DIALDECK_DATA_DIR: '/from/env', XDG_CONFIG_HOME: '/xdg' };

  it('takes --data-dir over DIALDECK_DATA_DIR over the OS default', () => {
    expect(resolveDataDir('/from/flag', env, 'linux')).toBe('/from/flag');
    expect(resolveDataDir(undefined, env, 'linux')).toBe('/from/env');
    expect(resolveDataDir(undefined, { XDG_CONFIG_HOME: '/xdg' }, 'linux')).toBe('/xdg/Dialdeck');
  });

  it('treats an empty flag or variable as not given', () => {
    expect(resolveDataDir('', env, 'linux')).toBe('/from/env');
    expect(resolveDataDir(undefined, { DIALDECK_DATA_DIR: '', XDG_CONFIG_HOME: '/xdg' }, 'linux')).toBe(
      '/xdg/Dialdeck',
    );
  });

  it('makes a relative path absolute from the working directory', () => {
    expect(resolveDataDir('data', {}, 'linux')).toBe(resolve('data'));
    expect(resolveDataDir(undefined, { DIALDECK_DATA_DIR: './d' }, 'linux')).toBe(resolve('d'));
  });
});

describe('flagValue', () => {
  it('reads --flag value and --flag=value', () => {
    expect(flagValue(['electron', '.', '--data-dir', '/d'], '--data-dir')).toBe('/d');
    expect(flagValue(['electron', '.', '--data-dir=/d'], '--data-dir')).toBe('/d');
  });

  it('gives nothing for a missing flag, a flag without a value, or a flag followed by another flag', () => {
    expect(flagValue(['electron', '.'], '--data-dir')).toBeUndefined();
    expect(flagValue(['electron', '.', '--data-dir'], '--data-dir')).toBeUndefined();
    expect(flagValue(['electron', '.', '--data-dir', '--web'], '--data-dir')).toBeUndefined();
  });

  it('does not mistake a longer flag for the one asked', () => {
    expect(flagValue(['x', '--data-dir-old=/a'], '--data-dir')).toBeUndefined();
  });
});

describe('storeFile', () => {
  it('keeps the store in the data dir', () => {
    expect(storeFile('/d')).toBe(join('/d', 'dialdeck.sqlite'));
  });
});
