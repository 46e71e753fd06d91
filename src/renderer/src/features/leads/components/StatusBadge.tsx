import type { LeadStatus } from '@shared/domain/lead';
import { useTranslation } from 'react-i18next';

/** A lead's funnel status as a coloured chip; the full name is in the tooltip. */
export const StatusChip = ({
  status,
  label,
  title,
}: {
  status: LeadStatus;
  label: string;
  title: string;
}) => (
  <span className={`status status--${status}`} title={title}>
    {label}
  </span>
);

export const StatusBadge = ({ status }: { status: LeadStatus }) => {
  const { t } = useTranslation();
  return <StatusChip status={status} label={t(`statusShort.${status}`)} title={t(`status.${status}`)} />;
};
