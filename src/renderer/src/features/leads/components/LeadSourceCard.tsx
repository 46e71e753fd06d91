import { isoOrNull } from '@shared/domain/instant';
import type { Lead } from '@shared/domain/lead';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../../app/useNow';
import { formatDateTime, formatRelative } from '../../../i18n/format';

export const LeadSourceCard = ({ lead }: { lead: Lead }) => {
  const { t } = useTranslation();
  const now = useNow();
  return (
    <section className="card" aria-labelledby="card-source">
      <h3 className="card__title" id="card-source">
        {t('detail.source')}
      </h3>
      <dl className="facts facts--compact">
        <div className="fact">
          <dt>{t('detail.channel')}</dt>
          <dd>
            <span>
              <span className="channel">{t(`channel.${lead.sourceChannel}`)}</span>
              <span className="muted"> · {t(`direction.${lead.direction}`)}</span>
            </span>
          </dd>
        </div>
        {lead.sourceDetail ? (
          <div className="fact">
            <dt>{t('detail.sourceDetail')}</dt>
            <dd>{lead.sourceDetail}</dd>
          </div>
        ) : null}
        <div className="fact">
          <dt>{t('detail.becameLead')}</dt>
          <dd>
            <time dateTime={isoOrNull(lead.createdAt) ?? undefined}>{formatDateTime(lead.createdAt)}</time>
            <span className="fact__hint">{formatRelative(lead.createdAt, now)}</span>
          </dd>
        </div>
      </dl>
    </section>
  );
};
