import { formatNumber } from '@renderer/i18n/format';
import { Button } from '@renderer/ui/Button';
import { Select } from '@renderer/ui/Select';
import { TextField } from '@renderer/ui/TextField';
import { LEAD_STATUSES, type LeadStatus } from '@shared/domain/lead';
import { BulkAssignOutput, TeamLeadsOutput } from '@shared/server/leads';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../../api/client';
import { useSubmit } from '../../app/useSubmit';
import { useReport } from '../boards/useReport';
import { activeReps, useMembers } from '../team/useMembers';
import './assignment.css';
import { LeadTable } from './LeadTable';
import { LEADS_PAGE_SIZE, type LeadFilters, leadsPath } from './leadQuery';
import { ReassignBar } from './ReassignBar';
import { emptySelection, type LeadSelection } from './selection';

/** How long typing pauses before the search runs (ms): one request per pause, not per key. */
const SEARCH_PAUSE_MS = 250;

/**
 * The manager's lead list: search (name, company, email, phone), owner and status filters, pages of
 * 50 read from the server, a keyboard multi-select, and reassignment of the chosen leads (one
 * request, all or none) to a rep or to nobody.
 */
export const LeadsPage = () => {
  const { t } = useTranslation();
  const { members, teamId } = useMembers();
  const [typed, setTyped] = useState('');
  const [filters, setFilters] = useState<LeadFilters>({ q: '', owner: 'any', status: 'any', offset: 0 });
  const [selection, setSelection] = useState<LeadSelection>(emptySelection);
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, setError, submit } = useSubmit();
  const leads = useReport(leadsPath(teamId, filters), TeamLeadsOutput);
  const reps = activeReps(members);

  useEffect(() => {
    const timer = setTimeout(() => {
      setFilters((previous) => (previous.q === typed ? previous : { ...previous, q: typed, offset: 0 }));
    }, SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [typed]);

  const page = leads.data?.leads ?? [];
  const total = leads.data?.total ?? 0;
  const filter = (change: Partial<LeadFilters>) =>
    setFilters((previous) => ({ ...previous, offset: 0, ...change }));
  const turnPage = (offset: number) => {
    setFilters((previous) => ({ ...previous, offset }));
    setSelection((previous) => ({ ...previous, cursor: 0, anchor: 0 }));
  };

  const handleReassign = (to: string | null) =>
    void submit(async () => {
      setNotice(null);
      const leadIds = [...selection.chosen];
      const answer = await callApi('POST', `/v1/teams/${teamId}/leads/assign`, BulkAssignOutput, {
        leadIds,
        to,
      });
      setSelection(emptySelection());
      setNotice(
        t('console.assignment.done', {
          count: answer.assigned.length,
          owner: to ?? t('console.assignment.nobody'),
        }),
      );
      await leads.refresh();
    });

  const ownerItems = [
    { value: 'any', label: t('console.assignment.anyOwner') },
    { value: 'none', label: t('console.assignment.unassigned') },
    ...(members ?? [])
      .filter((member) => member.role !== 'ae')
      .map((member) => ({ value: member.userId, label: member.email })),
  ];
  const statusItems: { value: LeadStatus | 'any'; label: string }[] = [
    { value: 'any', label: t('console.assignment.anyStatus') },
    ...LEAD_STATUSES.map((status) => ({ value: status, label: t(`statusShort.${status}`) })),
  ];

  return (
    <div className="console-page console-page--wide">
      <h1 className="console-h1">{t('console.assignment.title')}</h1>
      <p className="section-hint">{t('console.assignment.hint')}</p>
      <section className="console-card assign-filters">
        <TextField
          type="search"
          label={t('console.assignment.search')}
          placeholder={t('console.assignment.searchHint')}
          value={typed}
          onValueChange={setTyped}
          data-testid="lead-search"
        />
        <div className="field">
          <span className="field__label">{t('console.assignment.owner')}</span>
          <Select
            value={filters.owner}
            onValueChange={(owner) => filter({ owner })}
            items={ownerItems}
            label={t('console.assignment.owner')}
            testId="owner-filter"
          />
        </div>
        <div className="field">
          <span className="field__label">{t('console.assignment.status')}</span>
          <Select
            value={filters.status}
            onValueChange={(status) => filter({ status })}
            items={statusItems}
            label={t('console.assignment.status')}
            testId="status-filter"
          />
        </div>
      </section>
      <ReassignBar
        count={selection.chosen.size}
        reps={reps}
        busy={busy}
        onClear={() => setSelection(emptySelection())}
        onReassign={handleReassign}
        onMissingTarget={() => setError(t('console.assignment.pickFirst'))}
      />
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {notice ? (
        <p className="assign-notice" role="status" data-testid="assign-notice">
          {notice}
        </p>
      ) : null}
      <section className="console-card">
        <p id="assign-keys" className="muted">
          {t('console.assignment.keys')}
        </p>
        {leads.loading && leads.data === null ? <p className="muted">{t('console.loading')}</p> : null}
        {leads.data !== null && page.length === 0 ? (
          <p className="muted">{t('console.assignment.none')}</p>
        ) : null}
        {page.length > 0 ? (
          <LeadTable leads={page} selection={selection} onSelectionChange={setSelection} />
        ) : null}
        <div className="assign-pager">
          <span className="tabular" data-testid="lead-range">
            {t('console.assignment.range', {
              from: formatNumber(total === 0 ? 0 : filters.offset + 1),
              to: formatNumber(filters.offset + page.length),
              total: formatNumber(total),
            })}
          </span>
          <Button
            size="s"
            disabled={filters.offset === 0}
            onClick={() => turnPage(Math.max(0, filters.offset - LEADS_PAGE_SIZE))}
          >
            {t('console.assignment.previous')}
          </Button>
          <Button
            size="s"
            disabled={filters.offset + LEADS_PAGE_SIZE >= total}
            onClick={() => turnPage(filters.offset + LEADS_PAGE_SIZE)}
          >
            {t('console.assignment.next')}
          </Button>
        </div>
      </section>
    </div>
  );
};
