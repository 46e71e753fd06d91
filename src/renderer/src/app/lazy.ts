import { lazy } from 'react';

// Everything the first paint of the list does not need arrives in its own chunk, fetched once the
// list is on screen (or when first used, whichever comes first).
const loaders = {
  detail: () => import('../features/leads/components/LeadDetailPanel'),
  importWizard: () => import('../features/import/components/ImportWizard'),
  settings: () => import('../features/settings/components/SettingsDialog'),
  help: () => import('../features/shortcuts/components/ShortcutHelpDialog'),
  removeDemo: () => import('../features/leads/components/RemoveDemoDialog'),
  statusFilter: () => import('../features/leads/components/StatusFilter'),
  queue: () => import('../features/queue/components/QueueView'),
  calling: () => import('../features/queue/components/CallingSettingsDialog'),
  tasks: () => import('../features/tasks/components/TasksView'),
  palette: () => import('../features/shortcuts/components/CommandPalette'),
  skipSnooze: () => import('../features/session/components/SkipSnoozeDialog'),
  phoneLink: () => import('../features/links/components/PhoneLinkDialog'),
  sync: () => import('../features/sync/components/SyncDialog'),
};

export const LazyLeadDetailPanel = lazy(() => loaders.detail().then((m) => ({ default: m.LeadDetailPanel })));
export const LazyImportWizard = lazy(() => loaders.importWizard().then((m) => ({ default: m.ImportWizard })));
export const LazySettingsDialog = lazy(() => loaders.settings().then((m) => ({ default: m.SettingsDialog })));
export const LazyShortcutHelpDialog = lazy(() =>
  loaders.help().then((m) => ({ default: m.ShortcutHelpDialog })),
);
export const LazyRemoveDemoDialog = lazy(() =>
  loaders.removeDemo().then((m) => ({ default: m.RemoveDemoDialog })),
);

export const LazyQueueView = lazy(() => loaders.queue().then((m) => ({ default: m.QueueView })));

export const LazyTasksView = lazy(() => loaders.tasks().then((m) => ({ default: m.TasksView })));

export const LazyCallingSettingsDialog = lazy(() =>
  loaders.calling().then((m) => ({ default: m.CallingSettingsDialog })),
);

export const LazyCommandPalette = lazy(() => loaders.palette().then((m) => ({ default: m.CommandPalette })));

export const LazySkipSnoozeDialog = lazy(() =>
  loaders.skipSnooze().then((m) => ({ default: m.SkipSnoozeDialog })),
);

export const LazyStatusFilter = lazy(() => loaders.statusFilter().then((m) => ({ default: m.StatusFilter })));

/** Fetches the other chunks in the background, so opening a dialog never waits. */
export const preloadLazyParts = (): void => {
  for (const load of Object.values(loaders)) void load();
};

export const LazyPhoneLinkDialog = lazy(() =>
  loaders.phoneLink().then((m) => ({ default: m.PhoneLinkDialog })),
);
export const LazySyncDialog = lazy(() => loaders.sync().then((m) => ({ default: m.SyncDialog })));
