import { formatDateTime } from '@renderer/i18n/format';
import { Button } from '@renderer/ui/Button';
import { ConsoleLinkOutput, type ConsoleSessionRow, ConsoleSessionsOutput } from '@shared/server/console';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../../api/client';
import { errorText } from '../../api/errors';
import { useSession } from '../../app/session';

/**
 * The manager's view of the team's console access: every live session (who, how signed in, since
 * when, last seen) with a revoke button, and a password-reset link for any team member by email.
 */
export const SessionsPage = () => {
  const { t } = useTranslation();
  const teamId = useSession((state) => state.user?.teamId ?? '');
  const [sessions, setSessions] = useState<ConsoleSessionRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [email, setEmail] = useState('');
  const [link, setLink] = useState<ConsoleLinkOutput | null>(null);

  const base = `/v1/teams/${teamId}/console`;
  const refresh = useCallback(async () => {
    try {
      setSessions((await callApi('GET', `${base}/sessions`, ConsoleSessionsOutput)).sessions);
    } catch (failure) {
      setError(errorText(failure));
    }
  }, [base]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const handleRevoke = async (id: string) => {
    setError(null);
    try {
      await callApi('DELETE', `${base}/sessions/${id}`, null);
      await refresh();
    } catch (failure) {
      setError(errorText(failure));
    }
  };

  const handleReset = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setLink(null);
    try {
      setLink(await callApi('POST', `${base}/password-resets`, ConsoleLinkOutput, { email: email.trim() }));
    } catch (failure) {
      setError(errorText(failure));
    }
  };

  return (
    <div className="console-page console-page--wide">
      <h1 className="console-h1">{t('console.sessions.title')}</h1>
      <p className="section-hint">{t('console.sessions.hint')}</p>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <section className="console-card" aria-labelledby="reset-title">
        <h2 id="reset-title" className="section-title">
          {t('console.sessions.resetTitle')}
        </h2>
        <form className="console-form console-form--inline" onSubmit={(event) => void handleReset(event)}>
          <label className="field">
            <span className="field__label">{t('console.sessions.resetEmail')}</span>
            <input
              className="input"
              type="email"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          </label>
          <Button type="submit" variant="primary">
            {t('console.sessions.resetSubmit')}
          </Button>
        </form>
        {link ? (
          <p className="console-link" data-testid="reset-link">
            {t('console.sessions.resetLink', { email: link.email, when: formatDateTime(link.expiresAt) })}
            <code>{link.link}</code>
          </p>
        ) : null}
      </section>
      <section className="console-card" aria-labelledby="sessions-title">
        <h2 id="sessions-title" className="section-title">
          {t('console.sessions.live', { n: sessions?.length ?? 0 })}
        </h2>
        {sessions === null ? <p className="muted">{t('console.loading')}</p> : null}
        {sessions !== null && sessions.length > 0 ? (
          <table className="console-table">
            <thead>
              <tr>
                <th scope="col">{t('console.sessions.user')}</th>
                <th scope="col">{t('console.sessions.method')}</th>
                <th scope="col">{t('console.sessions.since')}</th>
                <th scope="col">{t('console.sessions.lastSeen')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('console.sessions.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((session) => (
                <tr key={session.id} data-testid="session-row">
                  <td>
                    {session.email} · {t(`console.roles.${session.role}`)}
                    {session.current ? (
                      <span className="muted"> ({t('console.sessions.current')})</span>
                    ) : null}
                  </td>
                  <td>
                    {session.method === 'password'
                      ? t('console.sessions.byPassword')
                      : t('console.sessions.byToken')}
                  </td>
                  <td>{formatDateTime(session.createdAt)}</td>
                  <td>{formatDateTime(session.lastSeenAt)}</td>
                  <td>
                    {session.current ? null : (
                      <Button size="s" variant="danger" onClick={() => void handleRevoke(session.id)}>
                        {t('console.sessions.revoke')}
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
    </div>
  );
};
