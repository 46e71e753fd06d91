import type { Wait } from '@shared/domain/cadence';
import { addWait } from '@shared/queue/waits';
import type { ZoneKey } from '@shared/queue/zones';
import type { ResolvedRules } from '../queue/rules-store';
import { dayZoneOf } from '../queue/services';

/** The instant a wait from `at` ends for a lead in this zone (business days in its zone, or the rep's). */
export const dueAfterIn = (resolved: ResolvedRules, zoneKey: ZoneKey, at: number, wait: Wait): number =>
  addWait(at, wait, dayZoneOf(zoneKey, resolved), resolved.window);
