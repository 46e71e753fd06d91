import type { TodoEntry } from '@shared/api/queue';
import { linkedinSearchUrl } from '@shared/tasks/linkedin';
import { errorMessage } from '../../../api/client';
import { i18n } from '../../../i18n';
import { showToast } from '../../../ui/toastStore';
import { useTasksStore } from '../state/tasksStore';
import { openStepUrl } from './openExternal';

/**
 * A step's action (Enter, or its Open button): an email opens its preview; a LinkedIn touch opens the
 * people search for the lead's name and company and is marked done, since the touch happens right
 * there; a do-not-contact lead is refused and nothing opens. Custom steps have no action of their own.
 */
export const runStepAction = (entry: TodoEntry): void => {
  const store = useTasksStore.getState();
  if (entry.lead.status === 'do_not_contact') {
    showToast('error', i18n.t('errors.codes.lead_do_not_contact', { value: entry.lead.name }));
    return;
  }
  if (entry.task.kind === 'email') {
    store.openDialog({ kind: 'email', taskId: entry.task.id });
    return;
  }
  if (entry.task.kind !== 'linkedin') {
    showToast('info', i18n.t('tasks.customHint'));
    return;
  }
  // Opened before any await: a browser only lets a key or click handler open a window.
  if (!openStepUrl(linkedinSearchUrl(entry.lead.name, entry.lead.company))) return;
  store
    .complete(entry.task.id, 'done')
    .then(() => showToast('success', i18n.t('tasks.linkedinDone', { name: entry.lead.name })))
    .catch((error: unknown) => showToast('error', errorMessage(error)));
};

/** Marks a step done (D) as the rep says: an email sent from elsewhere, a call note written… */
export const markStepDone = (entry: TodoEntry): void => {
  useTasksStore
    .getState()
    .complete(entry.task.id, 'done')
    .then(() => showToast('success', i18n.t('tasks.doneToast')))
    .catch((error: unknown) => showToast('error', errorMessage(error)));
};
