import { Button } from '@renderer/ui/Button';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ConsoleLayout } from './app/ConsoleLayout';
import { navigate, useRoute } from './app/router';
import { checkSession, signOut, useSession } from './app/session';
import { LinkPage } from './pages/LinkPage';
import { pageAt, pagesFor } from './pages/routes';
import { SignInPage } from './pages/SignInPage';

const LINK_PATH = /^\/link\/([A-Za-z0-9_-]+)$/;

/** The console: a link page, the sign-in page, or the signed-in frame with the page the address names. */
export const App = () => {
  const { t } = useTranslation();
  const { path } = useRoute();
  const { status, user } = useSession();

  useEffect(() => {
    void checkSession();
  }, []);

  const home = user ? pagesFor(user.role)[0]?.path : undefined;
  useEffect(() => {
    if (status === 'signed-in' && path === '/' && home) navigate(home, true);
  }, [status, path, home]);

  const link = LINK_PATH.exec(path);
  if (link?.[1]) return <LinkPage secret={link[1]} />;
  if (status === 'loading') return <p className="console-center muted">{t('console.loading')}</p>;
  if (status === 'signed-out' || user === null) return <SignInPage />;

  const pages = pagesFor(user.role);
  const found = pageAt(path, user.role);
  return (
    <ConsoleLayout user={user} pages={pages}>
      {found.kind === 'page' ? (
        <found.page.Component />
      ) : pages.length === 0 ? (
        // A rep has no console page at all: "use the menu" would point at an empty menu.
        <section className="console-card console-no-pages" data-testid="console-no-pages">
          <p className="section-hint">{t('console.nothingForRole')}</p>
          <Button variant="primary" onClick={() => void signOut()}>
            {t('console.signOut')}
          </Button>
        </section>
      ) : found.kind === 'forbidden' ? (
        <p className="form-error" role="alert">
          {t('console.forbiddenPage')}
        </p>
      ) : (
        <p className="muted">{t('console.loading')}</p>
      )}
    </ConsoleLayout>
  );
};
