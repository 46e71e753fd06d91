import type { TFunction } from 'i18next';

/** A wait in ms as "3 min", "2 h 05 min" or "1 d 4 h" (under a minute: "under a minute"). */
export const formatWait = (t: TFunction, ms: number): string => {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return t('console.boards.underMinute');
  if (minutes < 60) return t('console.boards.minutes', { n: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24)
    return t('console.boards.hoursMinutes', { h: hours, m: String(minutes % 60).padStart(2, '0') });
  return t('console.boards.daysHours', { d: Math.floor(hours / 24), h: hours % 24 });
};

/** A lead's source channel in the interface language (a team's own channel as written). */
export const channelLabel = (t: TFunction, channel: string): string =>
  t(`channel.${channel}`, { defaultValue: channel });

/** An activity's kind as the desktop's history names it (an unknown kind as stored). */
export const kindLabel = (t: TFunction, kind: string): string =>
  t(`history.kinds.${kind}`, { defaultValue: kind });

/**
 * A drill-down row's outcome: a built-in call outcome's translated name, a hand-off's state in the
 * inbox's words, else the team's own outcome id as stored.
 */
export const outcomeText = (t: TFunction, kind: string, outcome: string | null): string => {
  if (outcome === null) return '—';
  if (kind === 'handoff') {
    if (outcome === 'accepted') return t('console.inbox.accepted');
    if (outcome === 'rejected') return t('console.inbox.rejected');
    return t('console.boards.handoffOpen');
  }
  return t(`outcomes.names.${outcome}`, { defaultValue: outcome });
};
