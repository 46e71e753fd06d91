import { checkWindow, type WindowRules, windowAcross, type ZonesWindow } from '@shared/queue/window';
import { isUnknownZoneKey, type ZoneKey, zonesOfKey } from '@shared/queue/zones';

const DAY = 86_400_000;

/**
 * Calling-window answers per zone key, reused while they still hold: a window's state is constant from
 * the instant it was judged until its next change, so one answer serves every question in between.
 */
export const createZoneWindows = () => {
  const cache = new Map<ZoneKey, { from: number; state: ZonesWindow }>();
  let rulesSeen: WindowRules | undefined;

  return (key: ZoneKey, at: number, w: WindowRules): ZonesWindow => {
    if (w !== rulesSeen) {
      cache.clear();
      rulesSeen = w;
    }
    const hit = cache.get(key);
    if (hit && at >= hit.from && (hit.state.until === null ? at < hit.from + DAY : at < hit.state.until)) {
      // Shut for the whole span, but the reason (weekend, then early morning) can change within it.
      return hit.state.open || isUnknownZoneKey(key)
        ? hit.state
        : { ...hit.state, reason: checkWindow(key, at, w).reason };
    }
    const state = windowAcross(zonesOfKey(key), at, w);
    cache.set(key, { from: at, state });
    return state;
  };
};

export type ZoneWindows = ReturnType<typeof createZoneWindows>;
