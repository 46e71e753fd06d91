import type { DesktopIntegration, DesktopRequest, UpdateStatus } from '@shared/api/desktop';
import { updateFeedProblem } from '@shared/updateFeed';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { desktopIntegration, errorMessage, onEvent, pageToken } from '../../../api/client';
import { Button } from '../../../ui/Button';
import { useSettingsStore } from '../state/settingsStore';

/** The update's state as one sentence. */
export const UpdateLine = ({ update }: { update: UpdateStatus }) => {
  const { t } = useTranslation();
  return (
    <span className="field__hint" role="status" data-testid="update-state">
      {t(`desktop.updateStates.${update.state}`, {
        version: update.version ?? '',
        percent: update.percent ?? 0,
        message: update.message ?? '',
      })}
    </span>
  );
};

/** The desktop app's OS integration: phone handler, start at login, update feed. */
const DesktopSettings = ({ ask }: { ask: (request: DesktopRequest) => Promise<DesktopIntegration> }) => {
  const { t } = useTranslation();
  const feed = useSettingsStore((s) => s.settings.updateFeedUrl);
  const update = useSettingsStore((s) => s.update);
  const [state, setState] = useState<DesktopIntegration | null>(null);
  const [draftFeed, setDraftFeed] = useState(feed);
  const [error, setError] = useState<string | null>(null);
  const [feedError, setFeedError] = useState<string | null>(null);

  useEffect(() => {
    void ask({ action: 'integration' }).then(setState, (e: unknown) => setError(errorMessage(e)));
    return onEvent('app:update', (next) => setState((s) => (s ? { ...s, update: next } : s)));
  }, [ask]);
  useEffect(() => setDraftFeed(feed), [feed]);

  const change = async (request: DesktopRequest) => {
    setError(null);
    try {
      setState(await ask(request));
    } catch (failure) {
      setError(t('desktop.integrationFailed', { message: errorMessage(failure) }));
    }
  };
  /** Saves the typed feed and checks it; a feed that breaks the rules is explained, kept as typed, and not asked. */
  const saveFeed = async () => {
    const typed = draftFeed.trim();
    const problem = updateFeedProblem(typed);
    if (problem) {
      setFeedError(t(`desktop.feedProblems.${problem}`));
      return;
    }
    setFeedError(null);
    if (typed === feed) return;
    setError(null);
    try {
      await update({ updateFeedUrl: typed });
      await change({ action: 'checkForUpdates' });
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  return (
    <>
      <label className="session-form__choice">
        <input
          type="checkbox"
          checked={state?.phoneHandler ?? false}
          disabled={!state}
          onChange={(event) => void change({ action: 'setPhoneHandler', on: event.target.checked })}
          data-testid="desktop-phone-handler"
        />
        {t('desktop.phoneHandler')}
      </label>
      <span className="field__hint">{t('desktop.phoneHandlerHint')}</span>
      {state?.phoneHandlerProblem ? (
        <p className="form-error" role="alert" data-testid="desktop-phone-handler-problem">
          {t(`desktop.phoneHandlerProblems.${state.phoneHandlerProblem}`)}
        </p>
      ) : null}
      <label className="session-form__choice">
        <input
          type="checkbox"
          checked={state?.startAtLogin ?? false}
          disabled={!state}
          onChange={(event) => void change({ action: 'setStartAtLogin', on: event.target.checked })}
        />
        {t('desktop.startAtLogin')}
      </label>
      <label className="field">
        <span className="field__label">{t('desktop.updateFeed')}</span>
        <input
          className="input"
          type="url"
          value={draftFeed}
          placeholder={state?.installerFeedUrl ?? 'https://'}
          aria-invalid={feedError !== null}
          aria-describedby={feedError ? 'update-feed-error' : undefined}
          onChange={(event) => {
            setDraftFeed(event.target.value);
            setFeedError(null);
          }}
          onBlur={() => void saveFeed()}
          onKeyDown={(event) => {
            if (event.key === 'Enter') void saveFeed();
          }}
          data-testid="update-feed"
        />
        <span className="field__hint">{t('desktop.updateFeedHint')}</span>
        {state?.installerFeedUrl ? (
          <span className="field__hint" data-testid="installer-feed">
            {t('desktop.installerFeed', { url: state.installerFeedUrl })}
          </span>
        ) : null}
        {feedError ? (
          <p className="form-error" id="update-feed-error" data-testid="update-feed-error">
            {feedError}
          </p>
        ) : null}
      </label>
      {state ? <UpdateLine update={state.update} /> : null}
      {error ? <p className="form-error">{error}</p> : null}
    </>
  );
};

/**
 * The browser's own tel: handler registration (web host): the browser then opens this page with the
 * link as `?tel=…`. Holds for this address and token, so it is registered again after a restart.
 */
const BrowserSettings = () => {
  const { t } = useTranslation();
  const [asked, setAsked] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const supported = typeof navigator.registerProtocolHandler === 'function';
  const register = () => {
    const token = pageToken();
    const target = `${window.location.origin}/?${token ? `token=${encodeURIComponent(token)}&` : ''}tel=%s`;
    try {
      navigator.registerProtocolHandler('tel', target);
      setFailure(null);
      setAsked(true);
    } catch (error) {
      setAsked(false);
      setFailure(error instanceof Error ? error.message : String(error));
    }
  };
  if (!supported) return <span className="field__hint">{t('desktop.browserHandlerUnsupported')}</span>;
  return (
    <>
      <div className="settings__actions">
        <Button variant="ghost" onClick={register} data-testid="browser-phone-handler">
          {t('desktop.browserHandler')}
        </Button>
      </div>
      <span className="field__hint" role="status">
        {asked ? t('desktop.browserHandlerAsked') : t('desktop.browserHandlerHint')}
      </span>
      {failure ? (
        <p className="form-error" role="alert" data-testid="browser-phone-handler-error">
          {t('desktop.browserHandlerFailed', { message: failure })}
        </p>
      ) : null}
    </>
  );
};

/** Settings → This computer. */
export const ThisComputerSetting = () => {
  const { t } = useTranslation();
  return (
    <fieldset className="field" data-testid="settings-this-computer">
      <legend className="field__label">{t('desktop.title')}</legend>
      {desktopIntegration ? <DesktopSettings ask={desktopIntegration} /> : <BrowserSettings />}
    </fieldset>
  );
};
