import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { exportLeads } from '../features/import/utils/exportLeads';
import { LeadSearch } from '../features/leads/components/LeadSearch';
import { StatusFilterPlaceholder } from '../features/leads/components/StatusFilterPlaceholder';
import { useLeadListStore } from '../features/leads/state/leadListStore';
import { visibleCount } from '../features/leads/state/listView';
import { useQueueStore } from '../features/queue/state/queueStore';
import { SyncIndicator } from '../features/sync/components/SyncIndicator';
import { TasksButton } from '../features/tasks/components/TasksButton';
import { useTasksStore } from '../features/tasks/state/tasksStore';
import { Button, IconButton } from '../ui/Button';
import { DownloadIcon, KeyboardIcon, SettingsIcon, UploadIcon } from '../ui/icons';
import { useDialogStore } from './dialogStore';
import { Logo } from './Logo';
import { LazyStatusFilter } from './lazy';

const LeadCount = () => {
  const { t } = useTranslation();
  const shown = useLeadListStore((s) => visibleCount(s));
  const total = useLeadListStore((s) => s.table?.count ?? null);
  const filtered = useLeadListStore((s) => s.query.trim() !== '' || s.status !== null);
  // Counted once the first rows are on screen: number formatting is slow to start.
  const ready = useLeadListStore((s) => s.listPainted);
  if (!ready) return <span className="lead-count" />;
  return (
    <span className="lead-count" role="status" data-testid="lead-count">
      {filtered && total !== null
        ? t('topbar.matchCount', { count: shown, total })
        : t('topbar.leadCount', { count: total ?? shown })}
    </span>
  );
};

/**
 * The status filter (a Radix Select, with its positioning code) arrives once the first rows are on
 * screen; until then a look-alike holds its place.
 */
const StatusFilterSlot = () => {
  const ready = useLeadListStore((s) => s.listPainted);
  if (!ready) return <StatusFilterPlaceholder />;
  return (
    <Suspense fallback={<StatusFilterPlaceholder />}>
      <LazyStatusFilter />
    </Suspense>
  );
};

/**
 * Leads or today's queue in the left pane (Q switches). While the Tasks view covers the workspace
 * neither is pressed (the Tasks button is), and either one goes back to the workspace showing it.
 */
const ViewSwitch = () => {
  const { t } = useTranslation();
  const view = useQueueStore((s) => s.view);
  const setView = useQueueStore((s) => s.setView);
  const tasksShown = useTasksStore((s) => s.shown);
  const show = (next: 'leads' | 'queue') => {
    setView(next);
    if (tasksShown) useTasksStore.getState().setShown(false);
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: a pair of toggle buttons, not a form's fieldset
    <div className="view-switch" role="group" aria-label={t('queue.switchLabel')}>
      <button
        type="button"
        className="view-switch__btn"
        aria-pressed={!tasksShown && view === 'leads'}
        aria-keyshortcuts="q"
        onClick={() => show('leads')}
        data-testid="view-leads"
      >
        {t('queue.leadsView')}
      </button>
      <button
        type="button"
        className="view-switch__btn"
        aria-pressed={!tasksShown && view === 'queue'}
        aria-keyshortcuts="q"
        onClick={() => show('queue')}
        data-testid="view-queue"
      >
        {t('queue.queueView')}
      </button>
    </div>
  );
};

export const TopBar = () => {
  const { t } = useTranslation();
  const openDialog = useDialogStore((s) => s.openDialog);
  return (
    <header className="topbar">
      <div className="topbar__brand">
        <Logo />
        <span className="topbar__name">{t('app.name')}</span>
      </div>
      <ViewSwitch />
      <TasksButton />
      <search className="topbar__filters" aria-label={t('topbar.searchLabel')}>
        <LeadSearch />
        <StatusFilterSlot />
        <LeadCount />
      </search>
      <nav className="topbar__actions" aria-label={t('topbar.workspace')}>
        <SyncIndicator />
        <Button
          variant="primary"
          icon={<UploadIcon />}
          onClick={() => openDialog('import')}
          data-testid="open-import"
        >
          {t('topbar.import')}
        </Button>
        <IconButton label={t('topbar.export')} onClick={() => void exportLeads()}>
          <DownloadIcon />
        </IconButton>
        <IconButton
          label={t('topbar.settings')}
          onClick={() => openDialog('settings')}
          data-testid="open-settings"
        >
          <SettingsIcon />
        </IconButton>
        <IconButton label={t('topbar.help')} onClick={() => openDialog('help')}>
          <KeyboardIcon />
        </IconButton>
      </nav>
    </header>
  );
};
