import type { LeadStatus } from '@shared/domain/lead';
import { countByStatus } from '@shared/leadSearch/filter';
import { STATUS_ORDER } from '@shared/leadSearch/statuses';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { FOCUS_IDS } from '../../../app/focus';
import { formatNumber } from '../../../i18n/format';
import { Select, type SelectItem } from '../../../ui/Select';
import { useLeadListStore } from '../state/leadListStore';

type StatusChoice = LeadStatus | 'all';

export const StatusFilter = () => {
  const { t } = useTranslation();
  const status = useLeadListStore((s) => s.status);
  const setStatus = useLeadListStore((s) => s.setStatus);
  const table = useLeadListStore((s) => s.table);
  const counts = useMemo(() => (table ? countByStatus(table) : null), [table]);

  const items: SelectItem<StatusChoice>[] = [
    {
      value: 'all',
      label: t('topbar.allStatuses'),
      hint: table ? formatNumber(table.count) : undefined,
    },
    ...STATUS_ORDER.map((value) => ({
      value,
      label: t(`status.${value}`),
      hint: counts ? formatNumber(counts.get(value) ?? 0) : undefined,
    })),
  ];

  return (
    <Select<StatusChoice>
      id={FOCUS_IDS.statusFilter}
      label={t('topbar.statusFilter')}
      value={status ?? 'all'}
      onValueChange={(value) => setStatus(value === 'all' ? null : value)}
      items={items}
      testId="status-filter"
      className="status-filter"
    />
  );
};
