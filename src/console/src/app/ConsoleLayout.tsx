import { isLocale } from '@renderer/features/settings/utils/choices';
import { Button } from '@renderer/ui/Button';
import { Select } from '@renderer/ui/Select';
import type { Locale } from '@shared/api/settings';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CONSOLE_LOCALES, chooseLocale, consoleLocale } from '../i18n';
import type { ConsolePage } from '../pages/routes';
import { ConsoleNav } from './ConsoleNav';
import { useRoute } from './router';
import type { ConsoleUser } from './session';
import { signOut } from './session';
import { useTheme } from './theme';

const LOCALE_NAMES: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文', ko: '한국어' };

/** The language menu and the theme switch, shown signed in and out. */
export const ConsoleControls = () => {
  const { t, i18n } = useTranslation();
  const { theme, toggle } = useTheme();
  return (
    <div className="console-controls">
      <Select<Locale>
        value={isLocale(i18n.language) ? i18n.language : consoleLocale()}
        onValueChange={chooseLocale}
        items={CONSOLE_LOCALES.map((locale) => ({ value: locale, label: LOCALE_NAMES[locale] }))}
        label={t('console.language')}
        size="s"
        testId="console-language"
      />
      <Button size="s" variant="ghost" onClick={toggle} aria-pressed={theme === 'dark'}>
        {theme === 'dark' ? t('console.themeLight') : t('console.themeDark')}
      </Button>
    </div>
  );
};

type LayoutProps = { user: ConsoleUser; pages: readonly ConsolePage[]; children: ReactNode };

/** The signed-in frame: the team and user, sign-out, the side nav of the pages this role may open, the page. */
export const ConsoleLayout = ({ user, pages, children }: LayoutProps) => {
  const { t } = useTranslation();
  const { path } = useRoute();
  return (
    <div className="console">
      <a className="console-skip" href="#console-main">
        {t('console.skipToContent')}
      </a>
      <header className="console-header">
        <div className="console-brand">
          <strong>{t('console.title')}</strong>
          <span className="muted">{user.teamName}</span>
        </div>
        <div className="console-user">
          <span>
            {user.email} · {t(`console.roles.${user.role}`)}
          </span>
          <ConsoleControls />
          <Button size="s" onClick={() => void signOut()}>
            {t('console.signOut')}
          </Button>
        </div>
      </header>
      <div className="console-body">
        <ConsoleNav pages={pages} current={path} />
        <main id="console-main" className="console-main" tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  );
};
