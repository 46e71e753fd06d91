import { useTranslation } from 'react-i18next';
import { FOCUS_IDS } from '../../../app/focus';

/** The lead panel with no lead open: how to open one. */
export const DetailPlaceholder = () => {
  const { t } = useTranslation();
  return (
    <section id={FOCUS_IDS.detail} className="detail detail--empty" aria-label={t('detail.emptyTitle')}>
      <div className="empty">
        <p className="empty__title">{t('detail.emptyTitle')}</p>
        <p className="empty__body">{t('detail.emptyBody')}</p>
      </div>
    </section>
  );
};
