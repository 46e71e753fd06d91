import { useTranslation } from 'react-i18next';
import { useDialogStore } from '../../../app/dialogStore';
import { Button } from '../../../ui/Button';
import { InboxIcon, SearchIcon, UploadIcon } from '../../../ui/icons';
import { useLeadListStore } from '../state/leadListStore';

export const LeadListEmpty = () => {
  const { t } = useTranslation();
  const filtered = useLeadListStore((s) => s.query.trim() !== '' || s.status !== null);
  const clearFilters = useLeadListStore((s) => s.clearFilters);
  const openDialog = useDialogStore((s) => s.openDialog);
  return (
    <div className="empty" role="status">
      <span className="empty__icon">{filtered ? <SearchIcon /> : <InboxIcon />}</span>
      <p className="empty__title">{filtered ? t('list.emptyFiltered') : t('list.empty')}</p>
      <p className="empty__body">{filtered ? t('list.emptyFilteredBody') : t('list.emptyBody')}</p>
      {filtered ? (
        <Button onClick={clearFilters}>{t('list.clearFilters')}</Button>
      ) : (
        <Button variant="primary" icon={<UploadIcon />} onClick={() => openDialog('import')}>
          {t('topbar.import')}
        </Button>
      )}
    </div>
  );
};
