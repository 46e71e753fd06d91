import type { SyncStatusView } from '@shared/api/sync';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDialogStore } from '../../../app/dialogStore';
import { translatedError } from '../../../i18n/errors';
import { formatDateTime } from '../../../i18n/format';
import { Button } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';
import { AlertIcon } from '../../../ui/icons';
import { NotifyPrompt } from '../../outcomes/components/NotifyPrompt';
import { useSyncStore } from '../state/syncStore';
import '../sync.css';

/** The sign-in form: server address and token, checked by the server before anything is kept. */
const SignInForm = () => {
  const { t } = useTranslation();
  const signIn = useSyncStore((s) => s.signIn);
  const busy = useSyncStore((s) => s.signingIn);
  const serverError = useSyncStore((s) => s.signInError);
  const clearError = useSyncStore((s) => s.clearSignInError);
  const [server, setServer] = useState('');
  const [token, setToken] = useState('');
  const [missing, setMissing] = useState<string | null>(null);
  useEffect(() => clearError, [clearError]);

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (server.trim() === '') return setMissing(t('sync.serverMissing'));
    if (token.trim() === '') return setMissing(t('sync.tokenMissing'));
    setMissing(null);
    if (await signIn(server.trim(), token.trim())) setToken('');
  };
  const error = missing ?? serverError;

  return (
    <form
      className="sync-form"
      noValidate
      onSubmit={(event) => void handleSubmit(event)}
      data-testid="sync-sign-in"
    >
      <p className="muted">{t('sync.signInDescription')}</p>
      <label className="field">
        <span className="field__label">{t('sync.serverLabel')}</span>
        <input
          className="input"
          type="url"
          inputMode="url"
          autoComplete="url"
          spellCheck={false}
          placeholder="https://"
          value={server}
          onChange={(event) => setServer(event.target.value)}
          aria-describedby="sync-server-hint"
          data-testid="sync-server"
          // biome-ignore lint/a11y/noAutofocus: the dialog opens to type the address
          autoFocus
        />
        <span className="field__hint" id="sync-server-hint">
          {t('sync.serverHint')}
        </span>
      </label>
      <label className="field">
        <span className="field__label">{t('sync.tokenLabel')}</span>
        <input
          className="input"
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={token}
          onChange={(event) => setToken(event.target.value)}
          aria-describedby="sync-token-hint"
          data-testid="sync-token"
        />
        <span className="field__hint" id="sync-token-hint">
          {t('sync.tokenHint')}
        </span>
      </label>
      {error ? (
        <p className="form-error" role="alert" data-testid="sync-sign-in-error">
          <AlertIcon />
          <span>{error}</span>
        </p>
      ) : null}
      <div className="sync-form__actions">
        <Button variant="primary" type="submit" disabled={busy} data-testid="sync-sign-in-submit">
          {busy ? t('sync.signingIn') : t('sync.signIn')}
        </Button>
      </div>
    </form>
  );
};

/** The changes the server refused, each with its reason and what to do (the code's message). */
const RejectedList = ({ status }: { status: SyncStatusView }) => {
  const { t } = useTranslation();
  const dismiss = useSyncStore((s) => s.dismiss);
  if (status.rejected.length === 0) {
    return <p className="muted">{t('sync.rejectedNone')}</p>;
  }
  return (
    <>
      <p className="muted">{t('sync.rejectedHint')}</p>
      <p className="muted">{t('sync.dismissHint')}</p>
      <ul className="sync-rejected" data-testid="sync-rejected">
        {status.rejected.map((change) => (
          <li key={change.id} className="sync-rejected__item" data-testid="sync-rejected-item">
            <div className="sync-rejected__head">
              <AlertIcon />
              <code>{change.name}</code>
              <span className="muted">{t('sync.rejectedMade', { time: formatDateTime(change.at) })}</span>
            </div>
            {/* The code's own words say what to do; the server's message names exactly what it found. */}
            <p className="sync-rejected__reason">{translatedError(change.code, change.message, {})}</p>
            {change.message ? (
              <details className="sync-rejected__detail">
                <summary>{t('sync.serverSaid')}</summary>
                <p>{change.message}</p>
              </details>
            ) : null}
            <div className="sync-form__actions">
              <Button onClick={() => void dismiss(change.id)} data-testid="sync-rejected-dismiss">
                {t('sync.dismiss')}
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
};

/** Signed in: the state in words, who and where, what waits, when it last synced, and the refused changes. */
const SyncOverview = ({ status }: { status: SyncStatusView }) => {
  const { t } = useTranslation();
  const syncNow = useSyncStore((s) => s.syncNow);
  const signOut = useSyncStore((s) => s.signOut);
  const reason = status.error ? translatedError(status.error.code, status.error.message) : '';
  return (
    <div className="sync-overview" data-testid="sync-overview">
      <p className={`sync-overview__state sync-overview__state--${status.state}`} data-testid="sync-state">
        {t(`sync.state.${status.state}`, { reason })}
      </p>
      {status.state === 'offline' && status.error ? (
        <p className="muted" data-testid="sync-offline-reason">
          {reason}{' '}
          {status.retryInMs !== null
            ? t('sync.retryIn', { seconds: Math.max(1, Math.round(status.retryInMs / 1000)) })
            : null}
        </p>
      ) : null}
      <p className="muted">
        {t('sync.signedInAs', {
          email: status.email ?? '',
          team: status.teamName ?? '',
          server: status.server ?? '',
        })}
      </p>
      <p data-testid="sync-pending-line">{t('sync.pending', { count: status.pending })}</p>
      <p className="muted">
        {status.lastSyncedAt === null
          ? t('sync.notSyncedYet')
          : t('sync.lastSynced', { time: formatDateTime(status.lastSyncedAt) })}
      </p>
      <div className="sync-form__actions">
        <Button variant="primary" onClick={() => void syncNow()} data-testid="sync-now">
          {t('sync.syncNow')}
        </Button>
        <Button onClick={() => void signOut()} data-testid="sync-sign-out">
          {t('sync.signOut')}
        </Button>
      </div>
      <p className="field__hint">{t('sync.signOutHint')}</p>
      <NotifyPrompt question={t('notifications.ask')} />
      <h3 className="sync-overview__heading">{t('sync.rejectedTitle')}</h3>
      <RejectedList status={status} />
    </div>
  );
};

/** Team sync: the sign-in form while signed out, else the sync's state and the refused changes. */
export const SyncDialog = () => {
  const { t } = useTranslation();
  const open = useDialogStore((s) => s.dialog === 'sync');
  const closeDialog = useDialogStore((s) => s.closeDialog);
  const status = useSyncStore((s) => s.status);
  const load = useSyncStore((s) => s.load);
  useEffect(() => {
    if (open) void load();
  }, [open, load]);
  const signedOut = status === null || status.state === 'signedOut';
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => (next ? undefined : closeDialog())}
      title={signedOut ? t('sync.signInTitle') : t('sync.title')}
      size="m"
      testId="sync-dialog"
    >
      {signedOut ? <SignInForm /> : <SyncOverview status={status} />}
    </Dialog>
  );
};
