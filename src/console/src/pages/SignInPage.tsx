import { Button } from '@renderer/ui/Button';
import { TextField } from '@renderer/ui/TextField';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConsoleControls } from '../app/ConsoleLayout';
import { signIn, useSession } from '../app/session';
import { useSubmit } from '../app/useSubmit';

/** Sign-in: email and password, or (the other tab) the user's CLI/desktop token. */
export const SignInPage = () => {
  const { t } = useTranslation();
  const endedByServer = useSession((state) => state.endedByServer);
  const [method, setMethod] = useState<'password' | 'token'>('password');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [token, setToken] = useState('');
  const { busy, error, submit } = useSubmit();

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    await submit(
      () => signIn(method === 'password' ? { email, password } : { token }),
      () => setPassword(''),
    );
  };

  return (
    <div className="console-center">
      <div className="console-card console-card--narrow">
        <div className="console-card__top">
          <h1 className="console-h1">{t('console.signIn.title')}</h1>
          <ConsoleControls />
        </div>
        <p className="section-hint">{t('console.signIn.hint')}</p>
        {endedByServer ? <p className="form-warning">{t('console.signIn.ended')}</p> : null}
        <div className="console-tabs" role="radiogroup" aria-label={t('console.signIn.method')}>
          {(['password', 'token'] as const).map((choice) => (
            <label key={choice} className="console-tab">
              <input
                type="radio"
                name="method"
                value={choice}
                checked={method === choice}
                onChange={() => setMethod(choice)}
              />
              {choice === 'password' ? t('console.signIn.withPassword') : t('console.signIn.withToken')}
            </label>
          ))}
        </div>
        <form className="console-form" onSubmit={(event) => void handleSubmit(event)}>
          {method === 'password' ? (
            <>
              <TextField
                label={t('console.signIn.email')}
                type="email"
                autoComplete="username"
                required
                value={email}
                onValueChange={setEmail}
              />
              <TextField
                label={t('console.signIn.password')}
                type="password"
                autoComplete="current-password"
                required
                value={password}
                onValueChange={setPassword}
              />
            </>
          ) : (
            <TextField
              label={t('console.signIn.token')}
              type="password"
              autoComplete="off"
              required
              value={token}
              onValueChange={setToken}
              hint={t('console.signIn.tokenHint')}
            />
          )}
          {error ? (
            <p className="form-error" role="alert">
              {error}
            </p>
          ) : null}
          <Button type="submit" variant="primary" disabled={busy}>
            {t('console.signIn.submit')}
          </Button>
        </form>
      </div>
    </div>
  );
};
