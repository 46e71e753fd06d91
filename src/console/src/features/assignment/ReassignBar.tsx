import { Button } from '@renderer/ui/Button';
import { Select } from '@renderer/ui/Select';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamMember } from '../team/useMembers';

type ReassignBarProps = {
  count: number;
  reps: readonly TeamMember[];
  busy: boolean;
  onClear: () => void;
  /** Moves the chosen leads to the rep with this email, or to nobody (null). */
  onReassign: (to: string | null) => void;
  onMissingTarget: () => void;
};

/** How many leads are chosen, the rep to hand them to (or nobody), and the button that does it. */
export const ReassignBar = ({
  count,
  reps,
  busy,
  onClear,
  onReassign,
  onMissingTarget,
}: ReassignBarProps) => {
  const { t } = useTranslation();
  const [target, setTarget] = useState('pick');
  const items = [
    { value: 'pick', label: t('console.assignment.pickRep') },
    ...reps.map((rep) => ({ value: rep.email, label: rep.email })),
    { value: 'nobody', label: t('console.assignment.nobody') },
  ];
  const handleReassign = () => {
    if (target === 'pick') onMissingTarget();
    else onReassign(target === 'nobody' ? null : target);
  };
  return (
    <section className="assign-bar" aria-live="polite" data-testid="reassign-bar">
      <strong>{t('console.assignment.chosen', { count })}</strong>
      {count > 0 ? (
        <Button size="s" variant="ghost" onClick={onClear}>
          {t('console.assignment.clear')}
        </Button>
      ) : null}
      <div className="assign-bar__target">
        <span className="field__label">{t('console.assignment.reassignTo')}</span>
        <Select
          value={target}
          onValueChange={setTarget}
          items={items}
          label={t('console.assignment.reassignTo')}
          size="s"
          testId="reassign-target"
        />
      </div>
      <Button variant="primary" disabled={count === 0 || busy} onClick={handleReassign}>
        {t('console.assignment.reassign')}
      </Button>
    </section>
  );
};
