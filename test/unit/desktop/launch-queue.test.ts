import { describe, expect, it } from 'vitest';
import { createLaunchQueue, csvLaunchCheck } from '../../../src/main/desktop/integration';
import type { LaunchItem } from '../../../src/shared/api/desktop';

const link = (url: string): LaunchItem => ({ kind: 'link', url });

describe('the launch queue (links and files the OS hands over)', () => {
  it('holds a cold start’s link until the page takes it, and nudges only a page that listens', () => {
    const queue = createLaunchQueue();
    // The link arrives before the page exists: held, no event that nobody would hear.
    expect(queue.add(link('tel:+12025550143'))).toBe('hold');
    expect(queue.add({ kind: 'fileRefused', fileName: 'empty.csv', reason: 'empty' })).toBe('hold');
    // The page takes once it listens: everything, oldest first, and only once.
    expect(queue.take()).toEqual([
      link('tel:+12025550143'),
      { kind: 'fileRefused', fileName: 'empty.csv', reason: 'empty' },
    ]);
    expect(queue.take()).toEqual([]);
    // A later link (a second launch) nudges the listening page, and waits for its take.
    expect(queue.add(link('tel:+12025550144'))).toBe('nudge');
    expect(queue.size).toBe(1);
    expect(queue.take()).toEqual([link('tel:+12025550144')]);
  });

  it('holds again while the window reloads, so a nudge lost in the reload loses nothing', () => {
    const queue = createLaunchQueue();
    queue.take();
    queue.pageGone();
    expect(queue.add(link('tel:+12025550145'))).toBe('hold');
    expect(queue.take()).toEqual([link('tel:+12025550145')]);
    expect(queue.add(link('tel:+12025550146'))).toBe('nudge');
  });

  it('keeps the newest items when a page never takes them', () => {
    const queue = createLaunchQueue(3);
    for (let i = 0; i < 5; i += 1) queue.add(link(`tel:+1202555014${i}`));
    expect(queue.take().map((item) => (item.kind === 'link' ? item.url : ''))).toEqual([
      'tel:+12025550142',
      'tel:+12025550143',
      'tel:+12025550144',
    ]);
  });

  it('refuses an empty or oversize CSV with its reason instead of dropping it silently', () => {
    expect(csvLaunchCheck(0, 100)).toBe('empty');
    expect(csvLaunchCheck(101, 100)).toBe('too_large');
    expect(csvLaunchCheck(100, 100)).toBe('read');
  });
});
