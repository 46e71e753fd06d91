import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { type ConsolePage, navSections } from '../pages/routes';
import { navigate } from './router';

/** Where an arrow key, Home or End moves the focus among `count` nav links from `index`; null: not a nav key. */
const navKeyTarget = (key: string, index: number, count: number): number | null => {
  if (count === 0) return null;
  if (key === 'ArrowDown' || key === 'ArrowRight') return (index + 1) % count;
  if (key === 'ArrowUp' || key === 'ArrowLeft') return (index - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
};

const handleNavKey = (event: KeyboardEvent<HTMLElement>) => {
  const links = [...event.currentTarget.querySelectorAll<HTMLAnchorElement>('a[href]')];
  const index = links.indexOf(document.activeElement as HTMLAnchorElement);
  if (index < 0) return;
  const target = navKeyTarget(event.key, index, links.length);
  if (target === null) return;
  event.preventDefault();
  links[target]?.focus();
};

type NavProps = { pages: readonly ConsolePage[]; current: string };

/**
 * The console's side nav: the pages a role may open, in labelled sections (hand-offs, reports, team,
 * playbook), one column so no language wraps it. Tab reaches each link; the arrow keys, Home and End
 * move between them; the open page carries `aria-current="page"`.
 */
export const ConsoleNav = ({ pages, current }: NavProps) => {
  const { t } = useTranslation();
  return (
    <nav className="console-nav" aria-label={t('console.nav.label')} onKeyDown={handleNavKey}>
      {navSections(pages).map((section) => (
        <div key={section.group} className="console-nav-section">
          <span className="console-nav-heading" id={`console-nav-${section.group}`}>
            {t(`console.nav.groups.${section.group}`)}
          </span>
          <ul aria-labelledby={`console-nav-${section.group}`}>
            {section.pages.map((page) => (
              <li key={page.path}>
                <a
                  href={`/console${page.path}`}
                  aria-current={page.path === current ? 'page' : undefined}
                  onClick={(event) => {
                    event.preventDefault();
                    navigate(page.path);
                  }}
                >
                  {page.title(t)}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
};
