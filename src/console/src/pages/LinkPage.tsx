import { Button } from '@renderer/ui/Button';
import { TextField } from '@renderer/ui/TextField';
import { CONSOLE_PASSWORD_MIN, ConsoleLinkInfo } from '@shared/server/console';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../api/client';
import { errorText } from '../api/errors';
import { ConsoleControls } from '../app/ConsoleLayout';
import { navigate } from '../app/router';
import { setPasswordByLink } from '../app/session';
import { useSubmit } from '../app/useSubmit';

type LinkPageProps = { secret: string };

/** An invitation or reset link: shows for whom it is, takes a new password twice, signs the user in. */
export const LinkPage = ({ secret }: LinkPageProps) => {
  const { t } = useTranslation();
  const [info, setInfo] = useState<ConsoleLinkInfo | null>(null);
  const { busy, error, setError, submit } = useSubmit();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');

  useEffect(() => {
    callApi('GET', `/v1/console/links/${encodeURIComponent(secret)}`, ConsoleLinkInfo).then(
      setInfo,
      (failure) => setError(errorText(failure)),
    );
  }, [secret, setError]);

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (password.length < CONSOLE_PASSWORD_MIN) {
      setError(t('console.link.tooShort', { min: CONSOLE_PASSWORD_MIN }));
      return;
    }
    if (password !== repeat) {
      setError(t('console.link.mismatch'));
      return;
    }
    await submit(async () => {
      await setPasswordByLink(secret, password);
      navigate('/', true);
    });
  };

  return (
    <div className="console-center">
      <div className="console-card console-card--narrow">
        <div className="console-card__top">
          <h1 className="console-h1">
            {info?.kind === 'reset' ? t('console.link.resetTitle') : t('console.link.inviteTitle')}
          </h1>
          <ConsoleControls />
        </div>
        {info ? (
          <form className="console-form" onSubmit={(event) => void handleSubmit(event)}>
            <p className="section-hint">
              {t('console.link.for', { email: info.email, team: info.teamName })}
            </p>
            <input type="email" hidden readOnly autoComplete="username" value={info.email} />
            <TextField
              label={t('console.link.password')}
              type="password"
              autoComplete="new-password"
              required
              value={password}
              onValueChange={setPassword}
              hint={t('console.link.passwordHint', { min: CONSOLE_PASSWORD_MIN })}
            />
            <TextField
              label={t('console.link.repeat')}
              type="password"
              autoComplete="new-password"
              required
              value={repeat}
              onValueChange={setRepeat}
            />
            {error ? (
              <p className="form-error" role="alert">
                {error}
              </p>
            ) : null}
            <Button type="submit" variant="primary" disabled={busy}>
              {t('console.link.submit')}
            </Button>
          </form>
        ) : error ? (
          <>
            <p className="form-error" role="alert">
              {error}
            </p>
            <Button onClick={() => navigate('/', true)}>{t('console.link.toSignIn')}</Button>
          </>
        ) : (
          <p className="muted">{t('console.loading')}</p>
        )}
      </div>
    </div>
  );
};
