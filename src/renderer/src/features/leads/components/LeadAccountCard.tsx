import type { Account, LeadSummary } from '@shared/domain/lead';
import { useTranslation } from 'react-i18next';
import { BuildingIcon, SignalIcon } from '../../../ui/icons';
import { useLeadListStore } from '../state/leadListStore';
import { Avatar } from './Avatar';
import { StatusBadge } from './StatusBadge';

type LeadAccountCardProps = {
  account: Account | null;
  company: string | null;
  accountLeads: LeadSummary[];
};

/** The company and the other people from it: several at once is a buying signal. */
export const LeadAccountCard = ({ account, company, accountLeads }: LeadAccountCardProps) => {
  const { t } = useTranslation();
  const open = useLeadListStore((s) => s.open);
  const name = account?.name ?? company;
  return (
    <section className="card" aria-labelledby="card-account">
      <h3 className="card__title" id="card-account">
        {t('detail.account')}
      </h3>
      {name ? (
        <p className="account__name">
          <BuildingIcon />
          <span>{name}</span>
          {account?.domain ? <span className="muted">{account.domain}</span> : null}
        </p>
      ) : (
        <p className="muted">{t('detail.noAccount')}</p>
      )}
      {name && accountLeads.length > 0 ? (
        <>
          <p className="signal">
            <SignalIcon />
            {t('detail.buyingSignal')}
          </p>
          <p className="card__subtitle">{t('detail.otherLeads', { count: accountLeads.length })}</p>
          <ul className="account__leads">
            {accountLeads.map((other) => (
              <li key={other.id}>
                <button
                  type="button"
                  className="account__lead"
                  onClick={() => open(other.id)}
                  aria-label={t('detail.openLead', { name: other.name })}
                >
                  <Avatar name={other.name} />
                  <span className="account__lead-text">
                    <span className="account__lead-name">{other.name}</span>
                    <span className="muted">{other.title ?? other.email ?? ''}</span>
                  </span>
                  <StatusBadge status={other.status} />
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : name ? (
        <p className="muted">{t('detail.noOtherLeads')}</p>
      ) : null}
    </section>
  );
};
