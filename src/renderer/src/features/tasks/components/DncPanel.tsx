import type { DncEntry } from '@shared/domain/queue';
import { filterDnc } from '@shared/tasks/dncFilter';
import { readDncEntry } from '@shared/tasks/dncInput';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/client';
import { formatDateTime, formatNumber } from '../../../i18n/format';
import { Badge } from '../../../ui/Badge';
import { Button } from '../../../ui/Button';
import { showToast } from '../../../ui/toastStore';
import { formatPhone } from '../../leads/utils/formatPhone';
import { useSettingsStore } from '../../settings/state/settingsStore';
import { TeamDefinitionsNote } from '../../sync/components/TeamDefinitionsNote';
import { useTeamDefinitionsReadOnly } from '../../sync/hooks/useTeamDefinitionsReadOnly';
import { DNC_PAGE_SIZE, useDncStore } from '../state/dncStore';
import { DncRemoveDialog } from './DncRemoveDialog';

const AddForm = () => {
  const { t } = useTranslation();
  const add = useDncStore((s) => s.add);
  const region = useSettingsStore((s) => s.settings.defaultRegion);
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const input = readDncEntry(value, region);
    if (!input.ok) {
      // The same rule and words as the team server's, so a domain refused there is refused here.
      const key = input.problem === 'bad_domain' ? 'tasks.dnc.invalidDomain' : 'tasks.dnc.invalidValue';
      setError(t(key, { value: value.trim() }));
      return;
    }
    try {
      const result = await add(input.kind, input.value, reason);
      const shown = input.kind === 'phone' ? formatPhone(input.value) : input.value;
      setError(null);
      setValue('');
      setReason('');
      showToast(
        'success',
        result.added
          ? t('tasks.dnc.added', { value: shown, count: result.leadsAffected })
          : t('tasks.dnc.already', { value: shown }),
      );
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };
  return (
    <form className="dnc-add" onSubmit={(event) => void handleSubmit(event)} data-testid="dnc-add">
      <label className="field dnc-add__value">
        <span className="field__label">{t('tasks.dnc.value')}</span>
        <input
          className="input"
          value={value}
          maxLength={320}
          onChange={(event) => setValue(event.target.value)}
          placeholder={t('tasks.dnc.valuePlaceholder')}
          data-testid="dnc-value"
        />
      </label>
      <label className="field dnc-add__reason">
        <span className="field__label">{t('tasks.dnc.reason')}</span>
        <input
          className="input"
          value={reason}
          maxLength={500}
          onChange={(event) => setReason(event.target.value)}
          placeholder={t('tasks.dnc.reasonPlaceholder')}
          data-testid="dnc-reason"
        />
      </label>
      <Button type="submit" variant="primary" data-testid="dnc-add-submit">
        {t('tasks.dnc.add')}
      </Button>
      {error ? (
        <p className="form-error dnc-add__error" role="alert" data-testid="dnc-add-error">
          {error}
        </p>
      ) : null}
    </form>
  );
};

const EntryRow = ({ entry, onRemove }: { entry: DncEntry; onRemove: (() => void) | null }) => {
  const { t } = useTranslation();
  return (
    <tr data-testid="dnc-row" data-value={entry.value}>
      <td>
        <Badge>{t(`tasks.dnc.kind.${entry.kind}`)}</Badge>
      </td>
      <td className="dnc-table__value">{entry.kind === 'phone' ? formatPhone(entry.value) : entry.value}</td>
      <td className="dnc-table__reason">{entry.reason ?? '—'}</td>
      <td className="dnc-table__date">{formatDateTime(entry.createdAt)}</td>
      <td>
        {onRemove ? (
          <Button size="s" variant="ghost" onClick={onRemove} data-testid="dnc-remove">
            {t('tasks.dnc.remove')}
          </Button>
        ) : null}
      </td>
    </tr>
  );
};

/**
 * The do-not-contact list: search, pages of 50, add a number or email with a reason, remove one. A
 * signed-in rep or AE adds only: the manager takes entries off in the team console.
 */
export const DncPanel = () => {
  const { t } = useTranslation();
  const readOnly = useTeamDefinitionsReadOnly();
  const entries = useDncStore((s) => s.entries);
  const status = useDncStore((s) => s.status);
  const error = useDncStore((s) => s.error);
  const query = useDncStore((s) => s.query);
  const page = useDncStore((s) => s.page);
  const setQuery = useDncStore((s) => s.setQuery);
  const setPage = useDncStore((s) => s.setPage);
  const refresh = useDncStore((s) => s.refresh);
  const [removing, setRemoving] = useState<DncEntry | null>(null);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const matches = useMemo(() => filterDnc(entries, query), [entries, query]);
  const pages = Math.max(1, Math.ceil(matches.length / DNC_PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const shown = matches.slice(current * DNC_PAGE_SIZE, (current + 1) * DNC_PAGE_SIZE);

  return (
    <section className="dnc" aria-label={t('tasks.dnc.title')} data-testid="dnc-panel">
      <p className="tasks__note">{t('tasks.dnc.explainer')}</p>
      {readOnly ? <TeamDefinitionsNote area="dnc" /> : null}
      <AddForm />
      <div className="dnc__bar">
        <input
          className="input dnc__search"
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder={t('tasks.dnc.search')}
          aria-label={t('tasks.dnc.search')}
          data-testid="dnc-search"
        />
        <span className="tasks__muted" role="status">
          {t('tasks.dnc.count', { count: matches.length, total: formatNumber(entries.length) })}
        </span>
      </div>
      {status === 'error' ? <p className="form-error">{error}</p> : null}
      {status === 'ready' && matches.length === 0 ? (
        <p className="tasks__muted" data-testid="dnc-empty">
          {entries.length === 0 ? t('tasks.dnc.empty') : t('tasks.dnc.noMatch')}
        </p>
      ) : null}
      {shown.length > 0 ? (
        <table className="dnc-table">
          <thead>
            <tr>
              <th>{t('tasks.dnc.kindLabel')}</th>
              <th>{t('tasks.dnc.value')}</th>
              <th>{t('tasks.dnc.reason')}</th>
              <th>{t('tasks.dnc.addedAt')}</th>
              <th>
                <span className="visually-hidden">{t('tasks.dnc.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((entry) => (
              <EntryRow key={entry.id} entry={entry} onRemove={readOnly ? null : () => setRemoving(entry)} />
            ))}
          </tbody>
        </table>
      ) : null}
      {pages > 1 ? (
        <nav className="dnc__pages" aria-label={t('tasks.dnc.pages')}>
          <Button size="s" disabled={current === 0} onClick={() => setPage(current - 1)}>
            {t('tasks.dnc.previous')}
          </Button>
          <span>{t('tasks.dnc.page', { page: current + 1, pages })}</span>
          <Button size="s" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
            {t('tasks.dnc.next')}
          </Button>
        </nav>
      ) : null}
      {removing ? <DncRemoveDialog entry={removing} onClose={() => setRemoving(null)} /> : null}
    </section>
  );
};
