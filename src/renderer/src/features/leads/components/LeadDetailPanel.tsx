import type { LeadDetail } from '@shared/api/leads';
import { useDeferredValue } from 'react';
import { useTranslation } from 'react-i18next';
import { FOCUS_IDS } from '../../../app/focus';
import { CallPanel } from '../../calling/components/CallPanel';
import { CallHistory } from '../../outcomes/components/CallHistory';
import { OutcomeCard } from '../../outcomes/components/OutcomeCard';
import { WhyCard } from '../../outcomes/components/WhyCard';
import { QualificationPanel } from '../../qualification/components/QualificationPanel';
import { ResearchFactsCard } from '../../scripts/components/ResearchFactsCard';
import { ScriptsPanel } from '../../scripts/components/ScriptsPanel';
import { useLeadDetailStore } from '../state/leadDetailStore';
import { useLeadListStore } from '../state/leadListStore';
import { DetailPlaceholder } from './DetailPlaceholder';
import { LeadAccountCard } from './LeadAccountCard';
import { LeadContactCard } from './LeadContactCard';
import { LeadEditCard } from './LeadEditCard';
import { LeadHeader } from './LeadHeader';
import { LeadSourceCard } from './LeadSourceCard';
import { LeadStatusFunnel } from './LeadStatusFunnel';
import { ResearchNotes } from './ResearchNotes';

/**
 * The cards under the contact card, drawn in a render of their own right after the top of the card:
 * a calling session lands on the next lead's name, number, outcome buttons and script first. Mounted
 * afresh per lead (the panel is keyed by lead id), so each lead starts with the top alone.
 */
const BelowTheFold = ({ detail }: { detail: LeadDetail }) => {
  const shown = useDeferredValue(true, false);
  if (!shown) return null;
  const { lead } = detail;
  return (
    <>
      <LeadEditCard lead={lead} />
      <WhyCard leadId={lead.id} />
      <QualificationPanel lead={lead} researchAt={detail.research?.updatedAt} />
      <LeadStatusFunnel status={lead.status} />
      <LeadSourceCard lead={lead} />
      <LeadAccountCard account={detail.account} company={lead.company} accountLeads={detail.accountLeads} />
      <ResearchFactsCard leadId={lead.id} />
    </>
  );
};

export const LeadDetailPanel = () => {
  const { t } = useTranslation();
  const openId = useLeadListStore((s) => s.openId);
  const entry = useLeadDetailStore((s) => (openId ? s.entries[openId] : undefined));

  if (!openId) return <DetailPlaceholder />;

  const detail = entry?.detail;
  if (!detail) {
    return (
      <section id={FOCUS_IDS.detail} className="detail detail--empty" aria-busy={entry?.status === 'loading'}>
        <div className="empty">
          <p className="empty__body">
            {entry?.status === 'error' ? t('detail.error', { message: entry.error }) : t('detail.loading')}
          </p>
        </div>
      </section>
    );
  }

  const { lead } = detail;
  return (
    <section
      id={FOCUS_IDS.detail}
      className="detail"
      aria-label={lead.name}
      key={lead.id}
      data-testid="lead-detail"
    >
      <LeadHeader lead={lead} />
      <div className="detail__grid">
        <div className="detail__facts">
          <CallPanel lead={lead} />
          <OutcomeCard leadId={lead.id} status={lead.status} lead={lead} />
          <ScriptsPanel lead={lead} />
          <CallHistory leadId={lead.id} timeZone={lead.timeZone} />
          <LeadContactCard lead={lead} />
          <BelowTheFold detail={detail} />
        </div>
        <ResearchNotes
          leadId={lead.id}
          savedBody={detail.research?.body ?? ''}
          savedAt={detail.research?.updatedAt}
        />
      </div>
    </section>
  );
};
