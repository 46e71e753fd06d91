import type { ServerHandoff } from '@shared/server/handoffs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/errors';
import { useNow } from '../../app/useNow';
import { AeRecordPanel } from './AeRecordPanel';
import { HandoffCard } from './HandoffCard';
import { decidedOrder, inboxOrder } from './order';
import { RejectDialog } from './RejectDialog';
import { useInbox } from './useInbox';

/** The AE's inbox: MQLs waiting for a decision (most urgent and newest first), their record, past decisions. */
export const InboxPage = () => {
  const { t } = useTranslation();
  const inbox = useInbox();
  const now = useNow();
  const [rejecting, setRejecting] = useState<ServerHandoff | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const waiting = inboxOrder(inbox.handoffs);
  const decided = decidedOrder(inbox.handoffs).slice(0, 20);
  const msLeftOf = (handoff: ServerHandoff) =>
    handoff.msLeft === null ? null : handoff.msLeft - Math.max(0, now - inbox.readAt);

  const handleAccept = async (handoff: ServerHandoff) => {
    setBusyId(handoff.id);
    setActionError(null);
    try {
      await inbox.accept(handoff.id);
    } catch (failure) {
      setActionError(errorText(failure));
    } finally {
      setBusyId(null);
    }
  };

  return (
    <div className="console-page">
      <h1 className="console-h1">{t('console.inbox.title')}</h1>
      <p className="section-hint">{t('console.inbox.hint')}</p>
      {inbox.error ? <p className="form-error">{errorText(inbox.error)}</p> : null}
      {actionError ? (
        <p className="form-error" role="alert">
          {actionError}
        </p>
      ) : null}
      <div className="inbox-grid">
        <section aria-labelledby="waiting-title" className="inbox-list">
          <h2 id="waiting-title" className="section-title">
            {t('console.inbox.waiting', { n: waiting.length })}
          </h2>
          {inbox.loading ? <p className="muted">{t('console.loading')}</p> : null}
          {!inbox.loading && waiting.length === 0 ? (
            <p className="muted">{t('console.inbox.empty')}</p>
          ) : null}
          {waiting.map((handoff) => (
            <HandoffCard
              key={handoff.id}
              handoff={handoff}
              msLeft={msLeftOf(handoff)}
              busy={busyId === handoff.id}
              onAccept={() => void handleAccept(handoff)}
              onReject={() => setRejecting(handoff)}
            />
          ))}
          {decided.length > 0 ? (
            <>
              <h2 className="section-title">{t('console.inbox.decided')}</h2>
              {decided.map((handoff) => (
                <HandoffCard key={handoff.id} handoff={handoff} msLeft={null} />
              ))}
            </>
          ) : null}
        </section>
        {inbox.record ? <AeRecordPanel record={inbox.record} /> : null}
      </div>
      <RejectDialog
        leadName={rejecting?.leadName ?? t('console.inbox.unknownLead')}
        open={rejecting !== null}
        onOpenChange={(open) => {
          if (!open) setRejecting(null);
        }}
        onReject={async (reason) => {
          if (rejecting) await inbox.reject(rejecting.id, reason);
        }}
      />
    </div>
  );
};
