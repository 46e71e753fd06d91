import { useTranslation } from 'react-i18next';
import { ChevronDownIcon } from '../../../ui/icons';

/** Looks like the status filter's closed state while its code loads. */
export const StatusFilterPlaceholder = () => {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="select select--m status-filter"
      disabled
      aria-label={t('topbar.statusFilter')}
    >
      <span>{t('topbar.allStatuses')}</span>
      <span className="select__icon">
        <ChevronDownIcon />
      </span>
    </button>
  );
};
