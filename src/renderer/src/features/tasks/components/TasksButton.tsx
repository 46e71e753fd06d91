import { useTranslation } from 'react-i18next';
import { useTasksStore } from '../state/tasksStore';

/** The top bar's way into the Tasks view (Shift+T does the same). */
export const TasksButton = () => {
  const { t } = useTranslation();
  const shown = useTasksStore((s) => s.shown);
  const toggle = useTasksStore((s) => s.toggle);
  return (
    <div className="view-switch">
      <button
        type="button"
        className="view-switch__btn"
        aria-pressed={shown}
        aria-keyshortcuts="Shift+T"
        onClick={toggle}
        data-testid="open-tasks"
      >
        {t('tasks.title')}
      </button>
    </div>
  );
};
