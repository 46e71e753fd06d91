import { VOICEMAIL_LIMIT_SECONDS } from '@shared/scripts/estimate';
import { useTranslation } from 'react-i18next';
import { AlertIcon, CheckIcon } from '../../../ui/icons';

/** The track runs to one and a half times the limit, so a script over it shows how far over. */
const TRACK_SECONDS = VOICEMAIL_LIMIT_SECONDS * 1.5;

const formatSeconds = (seconds: number, locale: string): string =>
  new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(seconds);

/**
 * How long the script takes to read against the 20-second voicemail limit: a bar with a mark at the
 * limit, the seconds in words, and a warning with an icon when over (never colour alone).
 */
export const ReadingGauge = ({ seconds }: { seconds: number }) => {
  const { t, i18n } = useTranslation();
  const over = seconds > VOICEMAIL_LIMIT_SECONDS;
  const shown = formatSeconds(seconds, i18n.language);
  const text = t('scripts.gauge', { seconds: shown, limit: VOICEMAIL_LIMIT_SECONDS });
  return (
    <div className={`gauge${over ? ' gauge--over' : ''}`} data-testid="reading-gauge" data-over={over}>
      <div className="gauge__row">
        <span className="gauge__label">{t('scripts.readingTime')}</span>
        <span className="gauge__value" data-testid="reading-seconds">
          {text}
        </span>
      </div>
      <meter
        className="visually-hidden"
        aria-label={t('scripts.readingTime')}
        min={0}
        max={TRACK_SECONDS}
        high={VOICEMAIL_LIMIT_SECONDS}
        value={Math.min(seconds, TRACK_SECONDS)}
        aria-valuetext={text}
      />
      <div className="gauge__track" aria-hidden="true">
        <div className="gauge__fill" style={{ width: `${Math.min(1, seconds / TRACK_SECONDS) * 100}%` }} />
        <div
          className="gauge__limit"
          style={{ left: `${(VOICEMAIL_LIMIT_SECONDS / TRACK_SECONDS) * 100}%` }}
        />
      </div>
      {over ? (
        <p className="form-warning gauge__verdict" role="status" data-testid="reading-over">
          <AlertIcon />
          {t('scripts.over', { limit: VOICEMAIL_LIMIT_SECONDS })}
        </p>
      ) : (
        <p className="gauge__verdict gauge__verdict--ok" role="status">
          <CheckIcon />
          {t('scripts.fits', { limit: VOICEMAIL_LIMIT_SECONDS })}
        </p>
      )}
    </div>
  );
};
