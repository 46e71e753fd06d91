import type { Lead } from '@shared/domain/lead';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../../app/useNow';
import { formatZonedDateTime, isKnownTimeZone, regionName } from '../../../i18n/format';
import { AlertIcon, ClockIcon, MailIcon, PhoneIcon } from '../../../ui/icons';
import { useDoNotContact } from '../../outcomes/state/callStore';
import { isCallableHour } from '../utils/callingHours';
import { formatPhone } from '../utils/formatPhone';
import { telHref } from './LeadHeader';

const LocalTime = ({ timeZone, doNotContact }: { timeZone: string | null; doNotContact: boolean }) => {
  const { t } = useTranslation();
  const now = useNow();
  if (!isKnownTimeZone(timeZone)) {
    return (
      <div className="fact__value fact__value--warning" data-testid="time-zone-unknown">
        <AlertIcon />
        <span>
          <strong>{t('detail.timeZoneUnknown')}</strong>
          <span className="fact__hint">{t('detail.timeZoneUnknownHint')}</span>
        </span>
      </div>
    );
  }
  const callable = isCallableHour(now, timeZone);
  return (
    <div className="fact__value" data-testid="lead-local-time">
      <span>
        {formatZonedDateTime(now, timeZone)}
        <span className="fact__hint">{timeZone.replace(/_/g, ' ')}</span>
      </span>
      {doNotContact ? (
        <span className="pill pill--danger" data-testid="pill-dnc">
          {t('status.do_not_contact')}
        </span>
      ) : (
        <span className={`pill ${callable ? 'pill--success' : 'pill--muted'}`}>
          {callable ? t('detail.businessHours') : t('detail.outsideHours')}
        </span>
      )}
    </div>
  );
};

export const LeadContactCard = ({ lead }: { lead: Lead }) => {
  const { t } = useTranslation();
  // Numbers of a do-not-contact lead are shown as text, never as tel: links.
  const doNotContact = useDoNotContact(lead);
  const location = [lead.city, lead.region, lead.country ? regionName(lead.country) : null]
    .filter(Boolean)
    .join(', ');
  return (
    <section className="card" aria-labelledby="card-contact">
      <h3 className="card__title" id="card-contact">
        {t('detail.contact')}
      </h3>
      <dl className="facts">
        <div className="fact">
          <dt>
            <PhoneIcon />
            {t('detail.phone')}
          </dt>
          <dd>
            {lead.phones.length === 0 ? <span className="muted">{t('detail.noPhone')}</span> : null}
            {lead.phones.map((phone) => (
              <div key={`${phone.e164}-${phone.ext ?? ''}`} className="fact__line">
                {doNotContact ? (
                  <span data-testid="phone-dnc">
                    {formatPhone(phone.e164)}
                    {phone.ext ? ` ${t('detail.extension', { ext: phone.ext })}` : ''}
                  </span>
                ) : (
                  <a href={telHref(phone.e164, phone.ext)}>
                    {formatPhone(phone.e164)}
                    {phone.ext ? ` ${t('detail.extension', { ext: phone.ext })}` : ''}
                  </a>
                )}
                {phone.label ? <span className="fact__hint">{phone.label}</span> : null}
              </div>
            ))}
          </dd>
        </div>
        <div className="fact">
          <dt>
            <MailIcon />
            {t('detail.email')}
          </dt>
          <dd>
            {lead.email && doNotContact ? (
              <span>{lead.email}</span>
            ) : lead.email ? (
              <a href={`mailto:${lead.email}`}>{lead.email}</a>
            ) : (
              <span className="muted">{t('detail.noEmail')}</span>
            )}
          </dd>
        </div>
        <div className="fact">
          <dt>
            <ClockIcon />
            {t('detail.localTime')}
          </dt>
          <dd>
            <LocalTime timeZone={lead.timeZone} doNotContact={doNotContact} />
            {location ? <span className="fact__hint">{location}</span> : null}
          </dd>
        </div>
      </dl>
    </section>
  );
};
