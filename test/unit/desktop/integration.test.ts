import type { UpdateStatus } from '@shared/api/desktop';
import { describe, expect, it } from 'vitest';
import {
  closeAction,
  dataDirArgs,
  launchItemAction,
  linuxAutostartEntry,
  nextUpdateStatus,
  phoneHandlerProblem,
  plainReleaseNotes,
  startsHidden,
  trayText,
} from '../../../src/main/desktop/integration';

const OFF: UpdateStatus = { state: 'off', version: null, notes: null, percent: null, message: null };

describe('automatic updates, as the desktop shows them', () => {
  it('goes checking → available → downloading → ready, keeping the version and notes', () => {
    let s = nextUpdateStatus(OFF, { kind: 'checking' });
    expect(s.state).toBe('checking');
    s = nextUpdateStatus(s, { kind: 'available', version: '1.2.0', notes: 'Faster imports' });
    s = nextUpdateStatus(s, { kind: 'progress', percent: 42.6 });
    expect(s).toMatchObject({ state: 'downloading', version: '1.2.0', percent: 43, notes: 'Faster imports' });
    s = nextUpdateStatus(s, { kind: 'downloaded', version: '1.2.0', notes: null });
    expect(s).toMatchObject({ state: 'ready', version: '1.2.0', notes: 'Faster imports' });
    // A later check while the update waits for its restart keeps it ready ("Later" is not lost).
    expect(nextUpdateStatus(s, { kind: 'checking' })).toEqual(s);
    expect(nextUpdateStatus(s, { kind: 'none' })).toEqual(s);
  });

  it('reports an error with its message, and "off" without a feed', () => {
    expect(nextUpdateStatus(OFF, { kind: 'error', message: 'sha512 checksum mismatch' })).toMatchObject({
      state: 'error',
      message: 'sha512 checksum mismatch',
    });
    const downloading = nextUpdateStatus(OFF, { kind: 'progress', percent: 10 });
    expect(nextUpdateStatus(downloading, { kind: 'off' })).toEqual(OFF);
  });

  it('keeps a downloaded update ready when a later check fails or the feed is cleared', () => {
    const ready = nextUpdateStatus(OFF, { kind: 'downloaded', version: '2.0.0', notes: 'Notes' });
    for (const event of [
      { kind: 'error', message: 'net::ERR_INTERNET_DISCONNECTED' },
      { kind: 'checking' },
      { kind: 'none' },
      { kind: 'off' },
    ] as const) {
      expect(nextUpdateStatus(ready, event)).toEqual(ready);
    }
    // Before the download finished, a failure is shown.
    const available = nextUpdateStatus(OFF, { kind: 'available', version: '2.0.0', notes: null });
    expect(nextUpdateStatus(available, { kind: 'error', message: 'timeout' }).state).toBe('error');
  });

  it('turns release notes into plain text, never markup', () => {
    expect(plainReleaseNotes('<h2>1.2.0</h2><ul><li>Faster &amp; safer</li><li>Fix</li></ul>')).toBe(
      '1.2.0\n• Faster & safer\n• Fix',
    );
    expect(plainReleaseNotes([{ version: '1.1.0', note: '<p>One</p>' }])).toBe('1.1.0\nOne');
    expect(plainReleaseNotes('<script>alert(1)</script>')).toBe('alert(1)');
    expect(plainReleaseNotes(null)).toBeNull();
    expect(plainReleaseNotes('   ')).toBeNull();
  });
});

describe('start at login on Linux', () => {
  it('writes an XDG autostart entry that runs this executable, quoted', () => {
    const entry = linuxAutostartEntry('/home/rep/Apps/Dialdeck "beta".AppImage');
    expect(entry).toContain('[Desktop Entry]');
    expect(entry).toContain('Exec="/home/rep/Apps/Dialdeck \\"beta\\".AppImage" --hidden');
  });

  it('writes a % in a path as %% and keeps the data folder in use', () => {
    const entry = linuxAutostartEntry('/home/rep/100%/Dialdeck.AppImage', dataDirArgs('/srv/dialdeck 50%'));
    expect(entry).toContain(
      'Exec="/home/rep/100%%/Dialdeck.AppImage" --hidden "--data-dir=/srv/dialdeck 50%%"',
    );
    expect(dataDirArgs(null)).toEqual([]);
  });

  it('starts in the tray at login, unless the launch brings a link or a file to show', () => {
    expect(startsHidden(['/opt/Dialdeck/dialdeck', '--hidden'], false)).toBe(true);
    expect(startsHidden(['/Applications/Dialdeck.app/Contents/MacOS/Dialdeck'], true)).toBe(true);
    expect(startsHidden(['/opt/Dialdeck/dialdeck'], false)).toBe(false);
    expect(startsHidden(['dialdeck', '--hidden', 'tel:+12015550123'], false)).toBe(false);
    expect(startsHidden(['dialdeck', '--hidden', '/home/rep/leads.csv'], false)).toBe(false);
  });

  it('shows the first window when macOS handed over a link or a file before the app was ready', () => {
    const mac = ['/Applications/Dialdeck.app/Contents/MacOS/Dialdeck'];
    expect(startsHidden(mac, true, [['', 'tel:+12015550123']])).toBe(false);
    expect(startsHidden(mac, true, [['', '/Users/rep/leads.csv']])).toBe(false);
    expect(startsHidden(mac, true, [])).toBe(true);
  });

  it('brings the window forward for every link or file handed over once the app is ready', () => {
    expect(launchItemAction(true)).toBe('bring-forward');
    expect(launchItemAction(false)).toBe('queue');
  });

  it('hides the window to the tray on close, and closes it for real when quitting or without a tray', () => {
    expect(closeAction({ quitting: false, hasTray: true })).toBe('hide');
    expect(closeAction({ quitting: true, hasTray: true })).toBe('close');
    expect(closeAction({ quitting: false, hasTray: false })).toBe('close');
    expect(closeAction({ quitting: true, hasTray: false })).toBe('close');
  });
});

describe('the tray', () => {
  it('counts the callbacks due in each language, and says nothing extra when none is due', () => {
    expect(trayText('en', 0)).toMatchObject({ tooltip: 'Dialdeck', due: null, quit: 'Quit Dialdeck' });
    expect(trayText('en', 1).due).toBe('1 callback due');
    expect(trayText('en', 3).tooltip).toBe('Dialdeck · 3 callbacks due');
    expect(trayText('zh-CN', 2).due).toBe('2 个回电到期');
    expect(trayText('ko', 2).show).toBe('Dialdeck 보기');
  });
});

describe('the phone handler checkbox', () => {
  it('says why turning it on did not take: refused by the OS, or registered but not the default', () => {
    expect(phoneHandlerProblem(true, [true, true], true)).toBeNull();
    expect(phoneHandlerProblem(true, [true, false], false)).toBe('refused');
    expect(phoneHandlerProblem(true, [false, false], false)).toBe('refused');
    expect(phoneHandlerProblem(true, [true, true], false)).toBe('not_default');
    expect(phoneHandlerProblem(false, [false, false], false)).toBeNull();
  });
});
