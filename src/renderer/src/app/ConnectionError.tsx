import { useTranslation } from 'react-i18next';
import type { ConnectionState } from '../api/client';
import { Button } from '../ui/Button';
import { AlertIcon } from '../ui/icons';
import { Logo } from './Logo';

/** Shows `command` spans of a message (written between backticks) as code. */
const WithCode = ({ text }: { text: string }) => (
  <>
    {text.split('`').map((part, i) =>
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed message, in order.
      i % 2 === 1 ? <code key={i}>{part}</code> : <span key={i}>{part}</span>,
    )}
  </>
);

/** A full-page explanation when this page cannot talk to Dialdeck at all. */
export const ConnectionError = ({ state }: { state: Extract<ConnectionState, 'no_token' | 'refused'> }) => {
  const { t } = useTranslation();
  const title = state === 'no_token' ? t('connection.noTokenTitle') : t('connection.refusedTitle');
  const body = state === 'no_token' ? t('connection.noTokenBody') : t('connection.refusedBody');
  return (
    <main className="blocked" data-testid="connection-error" data-reason={state}>
      <div className="blocked__card" role="alert">
        <div className="blocked__brand">
          <Logo />
          <span>{t('app.name')}</span>
        </div>
        <h1 className="blocked__title">
          <AlertIcon />
          {title}
        </h1>
        <p className="blocked__body">
          <WithCode text={body} />
        </p>
        {state === 'refused' ? (
          <Button variant="primary" onClick={() => window.location.reload()}>
            {t('connection.reload')}
          </Button>
        ) : null}
      </div>
    </main>
  );
};

/** A bar over the workspace when an open connection dropped. */
export const ConnectionLost = () => {
  const { t } = useTranslation();
  return (
    <div className="lost-bar" role="alert">
      <AlertIcon />
      <strong>{t('connection.lostTitle')}</strong>
      <span>{t('connection.lostBody')}</span>
      <Button size="s" onClick={() => window.location.reload()}>
        {t('connection.reload')}
      </Button>
    </div>
  );
};
