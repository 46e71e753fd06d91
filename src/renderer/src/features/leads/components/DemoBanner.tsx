import { useTranslation } from 'react-i18next';
import { useDialogStore } from '../../../app/dialogStore';
import { Button } from '../../../ui/Button';
import { SparkleIcon } from '../../../ui/icons';
import { useLeadListStore } from '../state/leadListStore';

/** Says plainly that the sample call list is sample data, with the way to remove it. */
export const DemoBanner = () => {
  const { t } = useTranslation();
  const demoCount = useLeadListStore(
    (s) => s.table?.demoCount ?? s.page?.rows.filter((row) => row.isDemo).length ?? 0,
  );
  const openDialog = useDialogStore((s) => s.openDialog);
  if (demoCount === 0) return null;
  return (
    <aside className="demo-banner" aria-label={t('demo.bannerTitle')}>
      <span className="demo-banner__icon">
        <SparkleIcon />
      </span>
      <div className="demo-banner__text">
        <strong>{t('demo.bannerTitle')}</strong>
        <span>{t('demo.banner', { count: demoCount })}</span>
      </div>
      <Button size="s" variant="ghost" onClick={() => openDialog('removeDemo')}>
        {t('demo.remove')}
      </Button>
    </aside>
  );
};
