import { useTranslation } from 'react-i18next';
import { useCallController } from '../state/callStore';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;

/** The DTMF keypad of a connected call: each key sends its tone (the keyboard's digit keys too), and the digits sent are shown. */
export const Keypad = () => {
  const { t } = useTranslation();
  const sendDigits = useCallController((s) => s.sendDigits);
  const connected = useCallController((s) => s.call?.state === 'connected');
  const sent = useCallController((s) => s.call?.digitsSent ?? '');
  return (
    <fieldset className="keypad" aria-label={t('calling.keypadLabel')} data-testid="call-keypad">
      <div className="keypad__keys">
        {KEYS.map((key) => (
          <button
            key={key}
            type="button"
            className="keypad__key"
            disabled={!connected}
            data-key={key}
            onClick={() => sendDigits(key)}
          >
            {key}
          </button>
        ))}
      </div>
      {sent ? (
        <p className="muted" data-testid="keypad-sent">
          {t('calling.sent', { digits: sent })}
        </p>
      ) : null}
    </fieldset>
  );
};
