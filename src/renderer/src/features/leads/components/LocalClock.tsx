import { useNow } from '../../../app/useNow';
import { i18n } from '../../../i18n';
import { formatClock, isKnownTimeZone } from '../../../i18n/format';
import { AlertIcon } from '../../../ui/icons';
import { isCallableHour } from '../utils/callingHours';

/** The time where the lead is, dimmed outside the calling window (the queue's rule); a warning when the zone is unknown. */
export const LocalClock = ({ timeZone, unknownLabel }: { timeZone: string | null; unknownLabel: string }) => {
  const now = useNow();
  if (!isKnownTimeZone(timeZone)) {
    return (
      <span className="clock clock--unknown" title={unknownLabel}>
        <AlertIcon />
        <span className="visually-hidden">{unknownLabel}</span>
      </span>
    );
  }
  const time = formatClock(now, timeZone);
  // The row shows only the time; its label says whose time it is.
  const label = i18n.t('detail.localTimeAt', { time });
  return (
    <span className={`clock${isCallableHour(now, timeZone) ? '' : ' clock--off'}`} title={label}>
      <span aria-hidden="true">{time}</span>
      <span className="visually-hidden">{label}</span>
    </span>
  );
};
