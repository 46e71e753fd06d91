import { useNow } from '../../../app/useNow';
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
  return (
    <span className={`clock${isCallableHour(now, timeZone) ? '' : ' clock--off'}`}>
      {formatClock(now, timeZone)}
    </span>
  );
};
