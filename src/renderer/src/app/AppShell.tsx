import { Suspense, useEffect } from 'react';
import { DemoBanner } from '../features/leads/components/DemoBanner';
import { DetailPlaceholder } from '../features/leads/components/DetailPlaceholder';
import { LeadList } from '../features/leads/components/LeadList';
import { useLeadListStore } from '../features/leads/state/leadListStore';
import { startNotices } from '../features/notifications/state/notices';
import { startCallbackAlerts } from '../features/outcomes/state/callbackAlerts';
import { useQueueStore } from '../features/queue/state/queueStore';
import { useSessionAutoAdvance } from '../features/session/hooks/useSessionAutoAdvance';
import { useGlobalShortcuts } from '../features/shortcuts/hooks/useGlobalShortcuts';
import { useTasksStore } from '../features/tasks/state/tasksStore';
import { Toasts } from '../ui/Toasts';
import { ConnectionError, ConnectionLost } from './ConnectionError';
import { useDialogStore } from './dialogStore';
import {
  LazyCallingSettingsDialog,
  LazyCommandPalette,
  LazyImportWizard,
  LazyLeadDetailPanel,
  LazyPhoneLinkDialog,
  LazyQueueView,
  LazyRemoveDemoDialog,
  LazySettingsDialog,
  LazyShortcutHelpDialog,
  LazySkipSnoozeDialog,
  LazySyncDialog,
  LazyTasksView,
} from './lazy';
import { TopBar } from './TopBar';
import { UpdateBar } from './UpdateBar';
import { useConnection } from './useConnection';
import { useCoreEvents } from './useCoreEvents';

/** Dialogs mount when first opened and stay mounted, so Radix can animate them closed. */
const Dialogs = () => {
  const dialog = useDialogStore((s) => s.dialog);
  const opened = useDialogStore((s) => s.opened);
  return (
    <Suspense fallback={null}>
      {opened.import || dialog === 'import' ? <LazyImportWizard /> : null}
      {opened.settings || dialog === 'settings' ? <LazySettingsDialog /> : null}
      {opened.help || dialog === 'help' ? <LazyShortcutHelpDialog /> : null}
      {opened.removeDemo || dialog === 'removeDemo' ? <LazyRemoveDemoDialog /> : null}
      {opened.calling || dialog === 'calling' ? <LazyCallingSettingsDialog /> : null}
      {opened.palette || dialog === 'palette' ? <LazyCommandPalette /> : null}
      {opened.skip || dialog === 'skip' ? <LazySkipSnoozeDialog mode="skip" /> : null}
      {opened.snooze || dialog === 'snooze' ? <LazySkipSnoozeDialog mode="snooze" /> : null}
      {opened.phoneLink || dialog === 'phoneLink' ? <LazyPhoneLinkDialog /> : null}
      {opened.sync || dialog === 'sync' ? <LazySyncDialog /> : null}
    </Suspense>
  );
};

/**
 * The lead panel's code (with the phone-number metadata) loads once the first rows are on screen or
 * a lead is opened, so it never competes with the list's first paint.
 */
const DetailSlot = () => {
  const needed = useLeadListStore((s) => s.listPainted || s.openId !== null);
  if (!needed) return <DetailPlaceholder />;
  return (
    <Suspense fallback={<DetailPlaceholder />}>
      <LazyLeadDetailPanel />
    </Suspense>
  );
};

/** The left pane shows the lead list or today's queue; the list stays mounted so it keeps its place. */
const ListPane = () => {
  const view = useQueueStore((s) => s.view);
  return (
    <section className="list-pane">
      <div className="list-pane__leads" hidden={view === 'queue'}>
        <DemoBanner />
        <LeadList />
      </div>
      {view === 'queue' ? (
        <Suspense fallback={null}>
          <LazyQueueView />
        </Suspense>
      ) : null}
    </section>
  );
};

/** The Tasks view covers the workspace, which stays mounted underneath so it keeps its place. */
const TasksSlot = () => {
  const shown = useTasksStore((s) => s.shown);
  if (!shown) return null;
  return (
    <Suspense fallback={null}>
      <LazyTasksView />
    </Suspense>
  );
};

export const AppShell = () => {
  useCoreEvents();
  useGlobalShortcuts();
  useSessionAutoAdvance();
  // A callback falling due notifies the rep, whichever view is on screen.
  useEffect(() => startCallbackAlerts(), []);
  // Inbound leads from sync and refused changes notify too; all wait while a call or a session has the rep.
  useEffect(() => startNotices(), []);
  const connection = useConnection();
  const tasksShown = useTasksStore((s) => s.shown);
  if (connection === 'no_token' || connection === 'refused') return <ConnectionError state={connection} />;
  return (
    <div className="app">
      <TopBar />
      {connection === 'lost' ? <ConnectionLost /> : null}
      <UpdateBar />
      <main className="workspace" hidden={tasksShown}>
        <ListPane />
        <DetailSlot />
      </main>
      <TasksSlot />
      <Dialogs />
      <Toasts />
    </div>
  );
};
