import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { onEvent } from '../../../api/client';
import { useNow } from '../../../app/useNow';
import { Button } from '../../../ui/Button';
import { Kbd } from '../../../ui/Kbd';
import { useTaskKeys } from '../hooks/useTaskKeys';
import { TASK_GROUPS, type TaskGroup, useTasksStore } from '../state/tasksStore';
import { markStepDone, runStepAction } from '../utils/stepActions';
import { DncPanel } from './DncPanel';
import { EmailStepDialog } from './EmailStepDialog';
import { SkipDialog } from './SkipDialog';
import { TaskRow } from './TaskRow';
import './tasks.css';

const kindGroup = (kind: string): TaskGroup => (kind === 'email' || kind === 'linkedin' ? kind : 'task');

/** Start of the rep's local day (this machine's zone), for "overdue". */
const startOfToday = (now: number): number => {
  const day = new Date(now);
  day.setHours(0, 0, 0, 0);
  return day.getTime();
};

const Steps = () => {
  const { t } = useTranslation();
  const entries = useTasksStore((s) => s.entries);
  const activeId = useTasksStore((s) => s.activeId);
  const status = useTasksStore((s) => s.status);
  const error = useTasksStore((s) => s.error);
  const setActive = useTasksStore((s) => s.setActive);
  const openDialog = useTasksStore((s) => s.openDialog);
  const now = useNow();
  const dayStart = startOfToday(now);
  const active = entries.find((entry) => entry.task.id === activeId) ?? null;

  useEffect(() => {
    if (activeId) document.getElementById(`task-${activeId}`)?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);

  if (status === 'error') return <p className="form-error">{t('tasks.error', { message: error ?? '' })}</p>;
  if (status === 'ready' && entries.length === 0) {
    return (
      <div className="empty" data-testid="tasks-empty">
        <p className="empty__title">{t('tasks.emptyTitle')}</p>
        <p className="empty__body">{t('tasks.emptyBody')}</p>
      </div>
    );
  }
  return (
    <div className="tasks__steps">
      <div
        className="tasks__groups"
        role="listbox"
        tabIndex={0}
        aria-label={t('tasks.title')}
        aria-activedescendant={activeId ? `task-${activeId}` : undefined}
        data-testid="tasks-list"
      >
        {TASK_GROUPS.map((group) => {
          const inGroup = entries.filter((entry) => kindGroup(entry.task.kind) === group);
          if (inGroup.length === 0) return null;
          return (
            // biome-ignore lint/a11y/useSemanticElements: a group of options inside one listbox
            <div key={group} role="group" aria-labelledby={`tasks-group-${group}`} className="tasks__group">
              <h3 id={`tasks-group-${group}`} className="tasks__group-title">
                {t(`tasks.groups.${group}`, { count: inGroup.length })}
              </h3>
              <div className="tasks__rows">
                {inGroup.map((entry) => (
                  <TaskRow
                    key={entry.task.id}
                    entry={entry}
                    active={entry.task.id === activeId}
                    now={now}
                    dayStart={dayStart}
                    onSelect={() => setActive(entry.task.id)}
                  />
                ))}
              </div>
            </div>
          );
        })}
      </div>
      {active ? (
        <div className="tasks__actions" data-testid="task-actions">
          <p className="tasks__actions-title">{active.lead.name}</p>
          <Button variant="primary" onClick={() => runStepAction(active)} data-testid="task-open">
            {t(`tasks.open.${kindGroup(active.task.kind)}`)} <Kbd>Enter</Kbd>
          </Button>
          <Button onClick={() => markStepDone(active)} data-testid="task-done">
            {t('tasks.markDone')} <Kbd>D</Kbd>
          </Button>
          <Button
            onClick={() => openDialog({ kind: 'skip', taskId: active.task.id })}
            data-testid="task-skip"
          >
            {t('tasks.skipStep')} <Kbd>X</Kbd>
          </Button>
        </div>
      ) : null}
    </div>
  );
};

/** The Tasks view: today's due and overdue email, LinkedIn and custom steps, and the do-not-contact list. */
export const TasksView = () => {
  const { t } = useTranslation();
  const tab = useTasksStore((s) => s.tab);
  const setTab = useTasksStore((s) => s.setTab);
  const setShown = useTasksStore((s) => s.setShown);
  const refresh = useTasksStore((s) => s.refresh);
  const entries = useTasksStore((s) => s.entries);
  const dialog = useTasksStore((s) => s.dialog);
  useTaskKeys();

  useEffect(() => {
    void refresh();
    const stops = [
      onEvent('queue:changed', () => void refresh()),
      onEvent('leads:changed', () => void refresh()),
    ];
    return () => {
      for (const stop of stops) stop();
    };
  }, [refresh]);

  const dialogEntry = useMemo(
    () => (dialog ? (entries.find((entry) => entry.task.id === dialog.taskId) ?? dialog.entry) : undefined),
    [dialog, entries],
  );

  return (
    <section className="tasks" aria-labelledby="tasks-title" data-testid="tasks-view">
      <header className="tasks__head">
        <h2 id="tasks-title" className="section-title">
          {t('tasks.title')}
        </h2>
        {/* biome-ignore lint/a11y/useSemanticElements: a pair of toggle buttons, not a form's fieldset */}
        <div className="view-switch" role="group" aria-label={t('tasks.tabsLabel')}>
          <button
            type="button"
            className="view-switch__btn"
            aria-pressed={tab === 'steps'}
            onClick={() => setTab('steps')}
            data-testid="tasks-tab-steps"
          >
            {t('tasks.stepsTab', { count: entries.length })}
          </button>
          <button
            type="button"
            className="view-switch__btn"
            aria-pressed={tab === 'dnc'}
            aria-keyshortcuts="l"
            onClick={() => setTab('dnc')}
            data-testid="tasks-tab-dnc"
          >
            {t('tasks.dnc.title')}
          </button>
        </div>
        <p className="tasks__keys tasks__muted">{t('tasks.keysHint')}</p>
        <Button size="s" onClick={() => setShown(false)} data-testid="tasks-close">
          {t('tasks.back')} <Kbd>Esc</Kbd>
        </Button>
      </header>
      <div className="tasks__body">{tab === 'steps' ? <Steps /> : <DncPanel />}</div>
      {dialog?.kind === 'email' && dialogEntry ? <EmailStepDialog entry={dialogEntry} /> : null}
      {dialog?.kind === 'skip' && dialogEntry ? <SkipDialog entry={dialogEntry} /> : null}
    </section>
  );
};
