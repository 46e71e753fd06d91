import { formatDateTime } from '@renderer/i18n/format';
import type { TeamLead } from '@shared/server/leads';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { applyKey, extendTo, type LeadSelection, toggleAt } from './selection';

type LeadTableProps = {
  leads: readonly TeamLead[];
  selection: LeadSelection;
  onSelectionChange: (next: LeadSelection) => void;
};

const rowId = (leadId: string) => `lead-row-${leadId}`;

/**
 * One page of leads as a multi-select grid: the grid takes focus once (Tab), then arrows move the
 * cursor, Space chooses, Shift extends, Ctrl/⌘+A chooses the page; a click on a row's box chooses it
 * (Shift+click extends). The chosen set is kept by the page, across pages.
 */
export const LeadTable = ({ leads, selection, onSelectionChange }: LeadTableProps) => {
  const { t } = useTranslation();
  const ids = leads.map((lead) => lead.leadId);
  const cursor = Math.min(selection.cursor, ids.length - 1);
  const allChosen = ids.length > 0 && ids.every((id) => selection.chosen.has(id));

  const handleKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const next = applyKey(selection, ids, event);
    if (next === null) return;
    event.preventDefault();
    onSelectionChange(next);
    document.getElementById(rowId(ids[next.cursor] ?? ''))?.scrollIntoView({ block: 'nearest' });
  };

  const handleChoosePage = () => {
    const chosen = new Set(selection.chosen);
    for (const id of ids) {
      if (allChosen) chosen.delete(id);
      else chosen.add(id);
    }
    onSelectionChange({ ...selection, chosen });
  };

  return (
    <table
      className="console-table assign-table"
      // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: a table with role grid is the WAI-ARIA data-grid pattern for rows chosen by keyboard
      role="grid"
      aria-multiselectable="true"
      aria-label={t('console.assignment.listLabel')}
      aria-describedby="assign-keys"
      aria-activedescendant={ids[cursor] ? rowId(ids[cursor]) : undefined}
      tabIndex={0}
      onKeyDown={handleKeyDown}
      data-testid="lead-grid"
    >
      <thead>
        <tr>
          <th scope="col" className="assign-table__box">
            <input
              type="checkbox"
              tabIndex={-1}
              checked={allChosen}
              aria-label={t('console.assignment.choosePage')}
              onChange={handleChoosePage}
            />
          </th>
          <th scope="col">{t('console.assignment.lead')}</th>
          <th scope="col">{t('console.assignment.company')}</th>
          <th scope="col">{t('console.assignment.phone')}</th>
          <th scope="col">{t('console.assignment.status')}</th>
          <th scope="col">{t('console.assignment.owner')}</th>
          <th scope="col">{t('console.assignment.updated')}</th>
        </tr>
      </thead>
      <tbody>
        {leads.map((lead, index) => {
          const chosen = selection.chosen.has(lead.leadId);
          return (
            <tr
              key={lead.leadId}
              id={rowId(lead.leadId)}
              aria-selected={chosen}
              className={index === cursor ? 'is-cursor' : undefined}
              data-testid="lead-row"
            >
              <td className="assign-table__box">
                <input
                  type="checkbox"
                  tabIndex={-1}
                  checked={chosen}
                  aria-label={t('console.assignment.choose', { name: lead.name })}
                  onClick={(event) =>
                    onSelectionChange(
                      event.shiftKey ? extendTo(selection, ids, index) : toggleAt(selection, ids, index),
                    )
                  }
                  onChange={() => {}}
                />
              </td>
              <td>{lead.name}</td>
              <td>{lead.company ?? ''}</td>
              <td className="tabular">{lead.phone ?? ''}</td>
              <td>{t(`statusShort.${lead.status}`, { defaultValue: lead.status })}</td>
              <td>
                {lead.ownerEmail ?? <span className="muted">{t('console.assignment.unassigned')}</span>}
              </td>
              <td className="tabular">{formatDateTime(lead.updatedAt)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
};
