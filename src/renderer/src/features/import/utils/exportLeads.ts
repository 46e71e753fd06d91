import { errorMessage, invoke } from '../../../api/client';
import { i18n } from '../../../i18n';
import { showToast } from '../../../ui/toastStore';

const fileName = (at: Date) => `dialdeck-leads-${at.toISOString().slice(0, 10)}.csv`;

/** Saves the core's CSV of every lead as a download. */
export const exportLeads = async (): Promise<void> => {
  try {
    const { csv, count } = await invoke('imports.exportCsv', {});
    const name = fileName(new Date());
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    showToast('success', i18n.t('export.done', { count, file: name }));
  } catch (error) {
    showToast('error', i18n.t('export.failed', { message: errorMessage(error) }));
  }
};
