import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FOCUS_IDS, focusById } from '../../../app/focus';
import { CloseIcon, SearchIcon } from '../../../ui/icons';
import { Kbd } from '../../../ui/Kbd';
import { useLeadListStore } from '../state/leadListStore';

/** Filter as you type; ↑ ↓ move through the results and Enter opens one without leaving the field. */
export const LeadSearch = () => {
  const { t } = useTranslation();
  const query = useLeadListStore((s) => s.query);
  const setQuery = useLeadListStore((s) => s.setQuery);

  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const list = useLeadListStore.getState();
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      list.moveActive(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter') {
      // Opens the highlighted lead and hands the keyboard to the list, where E writes notes.
      event.preventDefault();
      list.openActive();
      focusById(FOCUS_IDS.list);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (query) setQuery('');
      else focusById(FOCUS_IDS.list);
    }
  };

  return (
    <div className="search">
      <span className="search__icon">
        <SearchIcon />
      </span>
      <input
        id={FOCUS_IDS.search}
        className="search__input"
        type="search"
        role="combobox"
        aria-controls={FOCUS_IDS.list}
        aria-expanded="true"
        aria-autocomplete="list"
        aria-label={t('topbar.searchLabel')}
        placeholder={t('topbar.searchPlaceholder')}
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={handleKeyDown}
      />
      {query ? (
        <button
          type="button"
          className="icon-btn icon-btn--small search__clear"
          aria-label={t('topbar.clearSearch')}
          title={t('topbar.clearSearch')}
          onClick={() => {
            setQuery('');
            focusById(FOCUS_IDS.search);
          }}
        >
          <CloseIcon />
        </button>
      ) : (
        <span className="search__hint" aria-hidden="true">
          <Kbd>/</Kbd>
        </span>
      )}
    </div>
  );
};
