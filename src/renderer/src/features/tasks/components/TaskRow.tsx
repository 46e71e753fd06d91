import type { TodoEntry } from '@shared/api/queue';
import { useTranslation } from 'react-i18next';
import { builtinText } from '../../../i18n/builtinText';
import { formatClock, formatRelative, isKnownTimeZone } from '../../../i18n/format';
import { Badge } from '../../../ui/Badge';

type TaskRowProps = {
  entry: TodoEntry;
  active: boolean;
  now: number;
  /** Start of the rep's day (ms): a step due before it is overdue. */
  dayStart: number;
  onSelect: () => void;
};

/** One due step: lead, company, step name, when it fell due and the lead's local time. */
export const TaskRow = ({ entry, active, now, dayStart, onSelect }: TaskRowProps) => {
  const { t } = useTranslation();
  const zone = entry.zone.timeZone;
  const overdue = entry.task.dueAt < dayStart;
  return (
    // biome-ignore lint/a11y/useFocusableInteractive: options are reached through the listbox's aria-activedescendant.
    // biome-ignore lint/a11y/useKeyWithClickEvents: the Tasks view handles the keyboard for every option.
    <div
      id={`task-${entry.task.id}`}
      role="option"
      aria-selected={active}
      className={`task-row${active ? ' task-row--active' : ''}`}
      onClick={onSelect}
      data-testid="task-row"
      data-task-id={entry.task.id}
      data-kind={entry.task.kind}
    >
      <span className="task-row__main">
        <span className="task-row__top">
          <span className="task-row__name">{entry.lead.name}</span>
          {entry.lead.company ? <span className="task-row__company">{entry.lead.company}</span> : null}
        </span>
        <span className="task-row__step">{builtinText(entry.task.title)}</span>
      </span>
      <span className="task-row__when">
        <span className={overdue ? 'task-row__due task-row__due--overdue' : 'task-row__due'}>
          {overdue ? <Badge tone="warning">{t('tasks.overdue')}</Badge> : null}
          {t('tasks.due', { relative: formatRelative(entry.task.dueAt, now) })}
        </span>
        <span className="task-row__local">
          {entry.zone.timeZoneUnknown || !isKnownTimeZone(zone)
            ? t('tasks.localUnknown')
            : t('tasks.localTime', { time: formatClock(now, zone) })}
        </span>
      </span>
    </div>
  );
};
