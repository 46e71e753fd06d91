import { formatDateTime } from '@renderer/i18n/format';
import { Button } from '@renderer/ui/Button';
import { DncKind } from '@shared/domain/queue';
import { TeamUsersOutput } from '@shared/server/admin';
import { AddTeamDncOutput, type TeamDncEntry } from '@shared/server/definitions';
import { type FormEvent, useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../../../api/client';
import { useSubmit } from '../../../app/useSubmit';
import { useReport } from '../../boards/useReport';
import { useDncList } from '../state/useDncList';
import { useTeamBase } from '../state/useTeamBase';
import { browserCountry, phoneCountries } from '../utils/countries';
import { ConfirmDialog } from './ConfirmDialog';
import { ListState } from './ListState';

/** The team's do-not-contact list: search, page through, add (kind, value, reason, country), remove. */
export const DncPage = () => {
  const { t, i18n } = useTranslation();
  const base = useTeamBase();
  const [query, setQuery] = useState('');
  const q = useDeferredValue(query);
  const list = useDncList(base, q);
  const users = useReport(`${base}/users`, TeamUsersOutput);
  const emails = new Map((users.data?.users ?? []).map((user) => [user.userId, user.email]));
  const addedBy = (userId: string | null) =>
    userId === null ? t('console.definitions.dnc.byAdmin') : (emails.get(userId) ?? '—');
  const countries = useMemo(() => phoneCountries(i18n.language), [i18n.language]);
  const [kind, setKind] = useState<DncKind>('phone');
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const [region, setRegion] = useState(() => browserCountry(countries));
  const [notice, setNotice] = useState<string | null>(null);
  const [removing, setRemoving] = useState<TeamDncEntry | null>(null);
  const { busy, error, submit } = useSubmit();

  const handleAdd = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      const response = await fetchAdd();
      setNotice(
        response.alreadyListed
          ? t('console.definitions.dnc.alreadyListed', { value: response.value })
          : t('console.definitions.dnc.added', { value: response.value }),
      );
      setValue('');
      setReason('');
      await list.reload();
    });
  };
  const fetchAdd = () =>
    callApi('POST', `${base}/dnc`, AddTeamDncOutput, {
      kind,
      value: value.trim(),
      reason: reason.trim() === '' ? null : reason.trim(),
      ...(kind === 'phone' ? { region } : {}),
    });

  const emptyText =
    list.entries.length > 0 || list.loading
      ? null
      : q.trim() !== ''
        ? t('console.definitions.dnc.noMatch', { q: q.trim() })
        : t('console.definitions.dnc.empty');
  return (
    <div className="console-page console-page--wide">
      <h1 className="console-h1">{t('console.definitions.dnc.title')}</h1>
      <p className="section-hint">{t('console.definitions.dnc.hint')}</p>
      <section className="console-card" aria-labelledby="dnc-add">
        <h2 id="dnc-add" className="section-title">
          {t('console.definitions.dnc.add')}
        </h2>
        <form className="console-form console-form--inline defs-add-form" onSubmit={handleAdd}>
          <label className="field">
            <span className="field__label">{t('console.definitions.dnc.kind')}</span>
            <select
              className="input"
              value={kind}
              onChange={(event) => setKind(DncKind.parse(event.target.value))}
              data-testid="dnc-kind"
            >
              {DncKind.options.map((option) => (
                <option key={option} value={option}>
                  {t(`console.definitions.dnc.kinds.${option}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field__label">{t('console.definitions.dnc.value')}</span>
            <input
              className="input"
              required
              maxLength={320}
              value={value}
              onChange={(event) => setValue(event.target.value)}
              data-testid="dnc-value"
            />
          </label>
          {kind === 'phone' ? (
            <label className="field">
              <span className="field__label">{t('console.definitions.dnc.country')}</span>
              <select
                className="input"
                value={region}
                onChange={(event) => setRegion(event.target.value)}
                data-testid="dnc-country"
              >
                {countries.map((country) => (
                  <option key={country.value} value={country.value}>
                    {country.label}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <label className="field">
            <span className="field__label">{t('console.definitions.dnc.reason')}</span>
            <input
              className="input"
              maxLength={500}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              data-testid="dnc-reason"
            />
          </label>
          <Button type="submit" variant="primary" disabled={busy} data-testid="dnc-submit">
            {t('console.definitions.dnc.add')}
          </Button>
        </form>
        {error ? (
          <p className="form-error" role="alert" data-testid="dnc-error">
            {error}
          </p>
        ) : null}
        {notice ? (
          <p className="defs-ok" role="status" data-testid="dnc-notice">
            {notice}
          </p>
        ) : null}
      </section>
      <section className="console-card" aria-labelledby="dnc-list">
        <div className="console-card__top">
          <h2 id="dnc-list" className="section-title">
            {t('console.definitions.dnc.total', { count: list.total })}
          </h2>
          <label className="field defs-search">
            <span className="visually-hidden">{t('console.definitions.dnc.search')}</span>
            <input
              className="input"
              type="search"
              placeholder={t('console.definitions.dnc.search')}
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              data-testid="dnc-search"
            />
          </label>
        </div>
        <ListState
          loading={list.loading && list.entries.length === 0}
          error={list.error}
          empty={emptyText}
          onRetry={() => void list.reload()}
        />
        {list.entries.length > 0 ? (
          <table className="console-table" data-testid="dnc-table">
            <thead>
              <tr>
                <th scope="col">{t('console.definitions.dnc.value')}</th>
                <th scope="col">{t('console.definitions.dnc.kind')}</th>
                <th scope="col">{t('console.definitions.dnc.reasonColumn')}</th>
                <th scope="col">{t('console.definitions.dnc.addedAt')}</th>
                <th scope="col">{t('console.definitions.dnc.addedBy')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('console.definitions.dnc.remove')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.entries.map((entry) => (
                <tr key={entry.id} data-testid="dnc-row">
                  <td>
                    <code>{entry.value}</code>
                  </td>
                  <td>{t(`console.definitions.dnc.kinds.${entry.kind}`)}</td>
                  <td>{entry.reason ?? '—'}</td>
                  <td>{formatDateTime(entry.createdAt)}</td>
                  <td>{addedBy(entry.addedBy)}</td>
                  <td>
                    <Button
                      size="s"
                      variant="danger"
                      onClick={() => setRemoving(entry)}
                      aria-label={`${t('console.definitions.dnc.remove')}: ${entry.value}`}
                    >
                      {t('console.definitions.dnc.remove')}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {list.next ? (
          <Button onClick={() => void list.more()} disabled={list.loading}>
            {t('console.definitions.dnc.more')}
          </Button>
        ) : null}
      </section>
      <ConfirmDialog
        open={removing !== null}
        title={t('console.definitions.dnc.removeTitle')}
        body={t('console.definitions.dnc.removeBody', { value: removing?.value ?? '' })}
        action={t('console.definitions.dnc.remove')}
        onClose={() => setRemoving(null)}
        onConfirm={async () => {
          if (!removing) return;
          await callApi('DELETE', `${base}/dnc/${removing.id}`, null);
          setNotice(null);
          await list.reload();
        }}
      />
    </div>
  );
};
