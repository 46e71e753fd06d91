import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../ui/Button';
import {
  askForNotifications,
  declineNotifications,
  shouldAskForNotifications,
} from '../state/notifyPermission';

/** Shown under the first callback scheduled in the browser: may Dialdeck notify when it is due? */
export const NotifyPrompt = () => {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(shouldAskForNotifications);
  if (!visible) return null;
  return (
    <div className="notify-prompt" role="note" data-testid="notify-prompt">
      <p>{t('outcomes.notifyAsk')}</p>
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
