import { useTranslation } from 'react-i18next';
import { Button } from '../../../ui/Button';
import { AlertIcon } from '../../../ui/icons';
import { useCallStore } from '../../outcomes/state/callStore';
import { callController } from '../state/callStore';
import { forgetCall, interruptedSeconds, useInterruptedCalls } from '../state/interruptedCalls';
import { formatCallClock, percent } from '../utils/format';

/** Moves focus to the lead's first outcome button once the card shows the resumed call. */
const focusOutcomes = () =>
  window.requestAnimationFrame(() =>
    document
      .querySelector<HTMLButtonElement>('[data-testid="outcome-card"] .outcome-btn:not(:disabled)')
      ?.focus(),
  );

/**
 * A call on this lead that a reload or crash cut off: its length, provider and talk share so far, and
 * "Log the interrupted call", which makes it the outcome card's call again (so the outcome picked next
 * is logged with them), or Discard.
 */
export const InterruptedCallOffer = ({ leadId }: { leadId: string }) => {
  const { t } = useTranslation();
  const call = useInterruptedCalls((s) => s.byLead[leadId]);
  const drop = useInterruptedCalls((s) => s.drop);
  if (!call) return null;
  const seconds = interruptedSeconds(call);
  const share = call.metrics?.repTalkShare ?? null;

  const handleLog = () => {
    callController.getState().adopt({
      callId: call.callId,
      leadId: call.leadId,
      provider: call.provider,
      durationSeconds: seconds,
      metrics: call.metrics,
    });
    useCallStore.getState().resume(call.leadId, call.callId);
    drop(leadId);
    focusOutcomes();
  };
  const handleDiscard = () => {
    forgetCall(call.callId);
    drop(leadId);
  };

  return (
    <div className="call-panel__interrupted" role="status" data-testid="call-interrupted">
      <p>
        <AlertIcon /> <strong>{t('calling.interrupted.title')}</strong>
      </p>
      <p data-testid="call-interrupted-facts">
        {t('calling.interrupted.found', {
          provider: t(`calling.providers.${call.provider}`),
          to: call.to,
          time: formatCallClock(seconds),
        })}
        {share !== null ? ` ${t('calling.interrupted.share', { share: percent(share) })}` : null}
      </p>
      <p className="muted">{t('calling.interrupted.pick')}</p>
      <div className="call-panel__controls">
        <Button variant="primary" size="s" onClick={handleLog} data-testid="call-interrupted-log">
          {t('calling.interrupted.log')}
        </Button>
        <Button size="s" variant="ghost" onClick={handleDiscard} data-testid="call-interrupted-discard">
          {t('calling.interrupted.discard')}
        </Button>
      </div>
    </div>
  );
};
