import type { LeadStatus, LeadSummary } from '@shared/domain/lead';
import { memo } from 'react';
import { Badge } from '../../../ui/Badge';
import { Avatar } from './Avatar';
import { LocalClock } from './LocalClock';
import { StatusChip } from './StatusBadge';

/** Texts every row shows, translated once per language by the list rather than by each row. */
export type RowLabels = {
  demo: string;
  timeZoneUnknown: string;
  status: Record<LeadStatus, string>;
  statusShort: Record<LeadStatus, string>;
};

export const optionId = (leadId: string) => `lead-option-${leadId}`;

type LeadRowProps = {
  lead: LeadSummary;
  index: number;
  count: number;
  top: number;
  active: boolean;
  open: boolean;
  labels: RowLabels;
  /** Local times appear once the first rows are on screen (building a time formatter is slow). */
  showClock: boolean;
  onOpen: (id: string) => void;
};

const sameLead = (a: LeadSummary, b: LeadSummary) =>
  a.id === b.id &&
  a.name === b.name &&
  a.title === b.title &&
  a.company === b.company &&
  a.email === b.email &&
  a.phone === b.phone &&
  a.status === b.status &&
  a.timeZone === b.timeZone &&
  a.isDemo === b.isDemo;

const sameRow = (a: LeadRowProps, b: LeadRowProps) =>
  sameLead(a.lead, b.lead) &&
  a.index === b.index &&
  a.count === b.count &&
  a.top === b.top &&
  a.active === b.active &&
  a.open === b.open &&
  a.labels === b.labels &&
  a.showClock === b.showClock &&
  a.onOpen === b.onOpen;

const LeadRowView = ({ lead, index, count, top, active, open, labels, showClock, onOpen }: LeadRowProps) => {
  const subtitle = [lead.title, lead.company].filter(Boolean).join(' · ');
  const sub = subtitle || lead.email || lead.phone || '';
  return (
    // biome-ignore lint/a11y/useFocusableInteractive: options are reached through the listbox's aria-activedescendant.
    // biome-ignore lint/a11y/useKeyWithClickEvents: the listbox handles the keyboard for every option.
    <div
      role="option"
      id={optionId(lead.id)}
      aria-selected={active}
      aria-current={open ? 'true' : undefined}
      aria-setsize={count}
      aria-posinset={index + 1}
      className={`lead-row${active ? ' lead-row--active' : ''}${open ? ' lead-row--open' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      onClick={() => onOpen(lead.id)}
    >
      <Avatar name={lead.name} />
      <div className="lead-row__main">
        <div className="lead-row__line">
          {/* The whole text on hover where the line ends in an ellipsis; a screen reader reads the option's whole text. */}
          <span className="lead-row__name" title={lead.name}>
            {lead.name}
          </span>
          {lead.isDemo ? <Badge tone="demo">{labels.demo}</Badge> : null}
        </div>
        <div className="lead-row__sub" title={sub || undefined}>
          {sub || '\u00a0'}
        </div>
      </div>
      <div className="lead-row__meta">
        <StatusChip
          status={lead.status}
          label={labels.statusShort[lead.status]}
          title={labels.status[lead.status]}
        />
        {showClock ? <LocalClock timeZone={lead.timeZone} unknownLabel={labels.timeZoneUnknown} /> : null}
      </div>
    </div>
  );
};

/** One lead in the list; re-renders only when what it shows changed. */
export const LeadRow = memo(LeadRowView, sameRow);

/** A placeholder row while its lead is still on the way. */
export const LeadRowSkeleton = ({ top }: { top: number }) => (
  <div
    className="lead-row lead-row--skeleton"
    style={{ transform: `translateY(${top}px)` }}
    aria-hidden="true"
  >
    <span className="avatar avatar--m skeleton" />
    <div className="lead-row__main">
      <span className="skeleton skeleton--line" />
      <span className="skeleton skeleton--line skeleton--short" />
    </div>
  </div>
);
