import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../ui/Button';
import {
  askForNotifications,
  declineNotifications,
  shouldAskForNotifications,
} from '../state/notifyPermission';

/**
 * Asks, in the browser, whether Dialdeck may notify: under the first callback scheduled (the default
 * `question`) and in the sync dialog (inbound leads, refused changes). The browser's own prompt opens
 * from the rep's click on Allow; either answer is asked once.
 */
export const NotifyPrompt = ({ question }: { question?: string }) => {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(shouldAskForNotifications);
  if (!visible) return null;
  return (
    <div className="notify-prompt" role="note" data-testid="notify-prompt">
      <p>{question ?? t('outcomes.notifyAsk')}</p>
      <div className="outcome-pending__actions">
        <Button
          size="s"
          variant="ghost"
          onClick={() => {
            declineNotifications();
            setVisible(false);
          }}
        >
          {t('outcomes.notifyLater')}
        </Button>
        <Button
          size="s"
          variant="primary"
          onClick={() => {
            setVisible(false);
            void askForNotifications();
          }}
          data-testid="notify-allow"
        >
          {t('outcomes.notifyAllow')}
        </Button>
      </div>
    </div>
  );
};
