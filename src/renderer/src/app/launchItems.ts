import type { LaunchItem } from '@shared/api/desktop';
import { MAX_UPLOAD_BYTES } from '@shared/api/limits';
import i18next from 'i18next';
import { takePendingLaunch } from '../api/client';
import { useImportStore } from '../features/import/state/importStore';
import { usePhoneLinkStore } from '../features/links/state/phoneLinkStore';
import { useToastStore } from '../ui/toastStore';
import { useDialogStore } from './dialogStore';

/**
 * Opens one thing the OS handed over: a phone link opens its lead (or the phone-link dialog), a CSV
 * starts the import wizard on it, a CSV the host could not take says why.
 */
export const openLaunchItem = (item: LaunchItem): void => {
  if (item.kind === 'link') {
    void usePhoneLinkStore.getState().openLink(item.url);
  } else if (item.kind === 'file') {
    useDialogStore.getState().openDialog('import');
    void useImportStore.getState().openFile({ name: item.fileName, dataBase64: item.dataBase64 });
  } else {
    const limit = Math.round(MAX_UPLOAD_BYTES / (1024 * 1024));
    useToastStore
      .getState()
      .show('error', i18next.t(`desktop.launchFile.${item.reason}`, { name: item.fileName, limit }), {
        testId: 'launch-file-refused',
      });
  }
};

/**
 * Takes what the Electron host holds (links and files from the launch or since) and opens each, in
 * order. Call once the page listens for `app:launchPending`, and on each nudge. A no-op in a browser.
 */
export const takeLaunchItems = async (): Promise<void> => {
  if (!takePendingLaunch) return;
  try {
    const { items } = await takePendingLaunch();
    for (const item of items) openLaunchItem(item);
  } catch {
    // The host answers this from memory; a window being torn down has nothing to open.
  }
};
