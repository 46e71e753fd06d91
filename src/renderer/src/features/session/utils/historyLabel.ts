import type { HistoryEntry } from '@shared/api/history';
import { SKIP_REASONS, SNOOZE_REASONS } from '@shared/domain/session';
import type { TFunction } from 'i18next';
import { formatDateTime } from '../../../i18n/format';

/**
 * A skip or snooze in the call history, in the interface language ("Skipped: Needs research first —
 * note"); null for every other kind of activity.
 */
export const sessionEntryLabel = (entry: HistoryEntry, t: TFunction): string | null => {
  if (entry.kind !== 'skip' && entry.kind !== 'snooze') return null;
  const outcome = entry.outcome ?? 'other';
  if (entry.kind === 'skip') {
    const code = SKIP_REASONS.find((r) => r === outcome) ?? 'other';
    return t('session.history.skip', { reason: t(`session.skipReasons.${code}`) });
  }
  const code = SNOOZE_REASONS.find((r) => r === outcome) ?? 'other';
  const reason = t(`session.snoozeReasons.${code}`);
  const until = typeof entry.snoozedUntil === 'number' ? formatDateTime(entry.snoozedUntil) : '—';
  return t('session.history.snooze', { reason, until });
};
