import type { Lead } from '@shared/domain/lead';
import { useTranslation } from 'react-i18next';
import { FOCUS_IDS } from '../../../app/focus';
import { Badge } from '../../../ui/Badge';
import { MailIcon, PhoneIcon } from '../../../ui/icons';
import { dialLead } from '../../calling/state/dial';
import { useDoNotContact } from '../../outcomes/state/callStore';
import { Avatar } from './Avatar';
import { StatusBadge } from './StatusBadge';

export const LeadHeader = ({ lead }: { lead: Lead }) => {
  const { t } = useTranslation();
  // A do-not-contact lead has no call or email button (and so no `c` shortcut): nothing dials it.
  const doNotContact = useDoNotContact(lead);
  const firstPhone = doNotContact ? undefined : lead.phones[0];
  const subtitle =
    lead.title && lead.company
      ? t('detail.titleAtCompany', { title: lead.title, company: lead.company })
      : (lead.title ?? lead.company ?? '');
  return (
    <header className="detail__header">
      <Avatar name={lead.name} size="l" />
      <div className="detail__heading">
        <h2 className="detail__name">{lead.name}</h2>
        {subtitle ? <p className="detail__subtitle">{subtitle}</p> : null}
        <div className="detail__badges">
          <StatusBadge status={lead.status} />
          <Badge tone={lead.direction === 'inbound' ? 'accent' : 'neutral'}>
            {t(`direction.${lead.direction}`)}
          </Badge>
          {lead.isDemo ? <Badge tone="demo">{t('demo.badge')}</Badge> : null}
        </div>
      </div>
      <div className="detail__actions">
        {firstPhone ? (
          <a
            id={FOCUS_IDS.callLink}
            className="btn btn--primary btn--m"
            href={telHref(firstPhone.e164, firstPhone.ext)}
            // The call goes through the rep's provider (Settings); the link stays a tel: link to copy.
            onClick={(event) => {
              event.preventDefault();
              void dialLead(lead);
            }}
          >
            <PhoneIcon />
            {t('detail.call')}
          </a>
        ) : null}
        {lead.email && !doNotContact ? (
          <a className="btn btn--secondary btn--m" href={`mailto:${lead.email}`}>
            <MailIcon />
            {t('detail.sendEmail')}
          </a>
        ) : null}
      </div>
    </header>
  );
};

/** A tel: link that dials the extension after the main number (RFC 3966). */
export const telHref = (e164: string, ext: string | null): string => `tel:${e164}${ext ? `;ext=${ext}` : ''}`;
