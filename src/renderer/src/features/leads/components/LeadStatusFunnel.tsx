import type { LeadStatus } from '@shared/domain/lead';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from './StatusBadge';

/** The main path of the PLAYBOOK funnel; other statuses sit beside it. */
const PATH: readonly LeadStatus[] = ['new', 'working', 'mql', 'sql', 'opportunity', 'won'];

export const LeadStatusFunnel = ({ status }: { status: LeadStatus }) => {
  const { t } = useTranslation();
  const reached = PATH.indexOf(status);
  return (
    <section className="card" aria-labelledby="card-funnel">
      <div className="card__title-row">
        <h3 className="card__title" id="card-funnel">
          {t('detail.funnel')}
        </h3>
        <StatusBadge status={status} />
      </div>
      <ol className="funnel" aria-label={t('detail.funnelLabel')}>
        {PATH.map((step, i) => (
          <li
            key={step}
            className={`funnel__step${i <= reached ? ' funnel__step--reached' : ''}${i === reached ? ' funnel__step--current' : ''}`}
            aria-current={i === reached ? 'step' : undefined}
            title={t(`status.${step}`)}
          >
            <span className="funnel__bar" />
            <span className="funnel__label">{t(`statusShort.${step}`)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
};
