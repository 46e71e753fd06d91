import { isoOrNull } from '@shared/domain/instant';
import type { Explanation } from '@shared/domain/queue';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, invoke } from '../../../api/client';
import { useNow } from '../../../app/useNow';
import { formatDateTime, formatRelative, formatZonedDateTime, isKnownTimeZone } from '../../../i18n/format';
import { Button } from '../../../ui/Button';
import './outcomes.css';

const When = ({ at, timeZone }: { at: number; timeZone: string | null }) => {
  const { t } = useTranslation();
  const now = useNow();
  return (
    <>
      <time dateTime={isoOrNull(at) ?? undefined}>{formatDateTime(at)}</time>
      {isKnownTimeZone(timeZone) ? (
        <span className="muted">
          {' '}
          · {t('detail.localTimeAt', { time: formatZonedDateTime(at, timeZone) })}
        </span>
      ) : null}
      <span className="muted"> ({formatRelative(at, now)})</span>
    </>
  );
};

/** "Why isn't this lead callable now?": the queue's rules that hold it back, and when they clear. */
export const WhyCard = ({ leadId }: { leadId: string }) => {
  const { t } = useTranslation();
  const [why, setWhy] = useState<Explanation | null>(null);
  const [error, setError] = useState<string | null>(null);
  const cardRef = useRef<HTMLElement>(null);
  // The answer grows the card below the fold on a 1280×800 screen; bring it into view when it comes.
  useEffect(() => {
    if (why) cardRef.current?.scrollIntoView({ block: 'nearest' });
  }, [why]);
  const ask = async () => {
    try {
      setError(null);
      setWhy(await invoke('queue.why', { leadId }));
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <section ref={cardRef} className="card why" aria-labelledby="card-why" data-testid="why-card">
      <div className="card__title-row">
        <h3 className="card__title" id="card-why">
          {t('why.title')}
        </h3>
      </div>
      <Button size="s" onClick={() => void ask()} data-testid="why-ask">
        {why ? t('why.refresh') : t('why.ask')}
      </Button>
      {error ? <p className="form-error">{error}</p> : null}
      {why ? (
        <div className="why__body" role="status">
          {why.callable ? (
            <p className="why__verdict why__verdict--ok" data-testid="why-callable">
              {t('why.callable')}
            </p>
          ) : why.blockers.some((b) => b.rule === 'do_not_contact') ? (
            // Do-not-contact is the one rule the core reports for such a lead; it never clears.
            <p className="why__verdict" data-testid="why-dnc">
              {t('why.doNotContact')}
            </p>
          ) : (
            <>
              <p className="why__verdict" data-testid="why-blocked">
                {why.callableAt !== null ? t('why.callableAt') : t('why.never')}{' '}
                {why.callableAt !== null ? <When at={why.callableAt} timeZone={why.zone.timeZone} /> : null}
              </p>
              <ul className="why__list">
                {why.blockers.map((blocker) => (
                  <li key={blocker.rule} data-rule={blocker.rule}>
                    <span className="why__rule">{t(`why.rules.${blocker.rule}`)}</span>
                    {' — '}
                    {blocker.until !== null ? (
                      <>
                        {t('why.clears')} <When at={blocker.until} timeZone={why.zone.timeZone} />
                      </>
                    ) : (
                      <span className="muted">{t('why.noClear')}</span>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
          {why.zone.timeZoneUnknown ? <p className="muted">{t('queue.zoneUnknown')}</p> : null}
        </div>
      ) : null}
    </section>
  );
};
