import type { UpdateStatus } from '@shared/api/desktop';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { desktopIntegration, onEvent } from '../api/client';
import { Button } from '../ui/Button';

/**
 * The desktop app's "an update is ready" bar: what changed, "Restart to update", or "Later" (the
 * update then installs when Dialdeck quits). Shown only in Electron, only once an update is verified.
 */
export const UpdateBar = () => {
  const { t } = useTranslation();
  const [update, setUpdate] = useState<UpdateStatus | null>(null);
  const [later, setLater] = useState<string | null>(null);
  const [notesShown, setNotesShown] = useState(false);

  useEffect(() => {
    if (!desktopIntegration) return;
    void desktopIntegration({ action: 'integration' }).then(
      (state) => setUpdate(state.update),
      () => undefined,
    );
    return onEvent('app:update', setUpdate);
  }, []);

  if (!desktopIntegration || update?.state !== 'ready' || later === update.version) return null;
  const version = update.version ?? '';
  return (
    <div className="update-bar" role="status" data-testid="update-bar">
      <div className="update-bar__text">
        <strong>{t('desktop.updateStates.ready', { version })}</strong>
        {update.notes ? (
          <Button size="s" variant="ghost" onClick={() => setNotesShown((shown) => !shown)}>
            {t('desktop.whatsNew', { version })}
          </Button>
        ) : null}
        {notesShown && update.notes ? <pre className="update-bar__notes">{update.notes}</pre> : null}
      </div>
      <Button size="s" variant="ghost" onClick={() => setLater(version)}>
        {t('desktop.later')}
      </Button>
      <Button
        size="s"
        variant="primary"
        onClick={() => void desktopIntegration?.({ action: 'restartToUpdate' })}
      >
        {t('desktop.restartToUpdate')}
      </Button>
    </div>
  );
};
