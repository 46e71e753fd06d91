import type { HistoryEntry } from '@shared/api/history';
import { useTranslation } from 'react-i18next';
import { formatCallClock, percent } from '../utils/format';

/**
 * A logged call's duration, how it was placed and its talk figures, for the call history: rep talk
 * share, longest monologue, mean patience and interruptions. Nothing for a call with none of them.
 */
export const CallFacts = ({ entry }: { entry: HistoryEntry }) => {
  const { t } = useTranslation();
  if (entry.kind !== 'call') return null;
  const { talk, provider, durationSeconds } = entry;
  if (!talk && !provider && durationSeconds === null) return null;
  const none = t('calling.history.none');
  return (
    <>
      {durationSeconds !== null || provider ? (
        <p className="history__status" data-testid="history-duration">
          {durationSeconds !== null
            ? t('calling.history.duration', { time: formatCallClock(durationSeconds) })
            : null}
          {durationSeconds !== null && provider ? ' · ' : null}
          {provider ? t('calling.history.via', { provider: t(`calling.providers.${provider}`) }) : null}
        </p>
      ) : null}
      {talk ? (
        <p className="history__status history__talk" data-testid="history-talk">
          {t('calling.history.talk', {
            share: talk.repTalkShare === null ? none : `${percent(talk.repTalkShare)}%`,
            monologue: formatCallClock(talk.longestRepMonologueSeconds),
            patience:
              talk.meanPatienceSeconds === null
                ? none
                : t('calling.history.seconds', { value: talk.meanPatienceSeconds.toFixed(1) }),
            interruptions: t('calling.timer.interruptions', { count: talk.interruptions }),
          })}
        </p>
      ) : null}
    </>
  );
};
