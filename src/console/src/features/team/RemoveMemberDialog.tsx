import { Button } from '@renderer/ui/Button';
import { Dialog } from '@renderer/ui/Dialog';
import { Select } from '@renderer/ui/Select';
import { RemoveUserOutput } from '@shared/server/admin';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../../api/client';
import { useSubmit } from '../../app/useSubmit';
import type { TeamMember } from './useMembers';

type RemoveMemberDialogProps = {
  teamId: string;
  member: TeamMember;
  /** Who may take the member's leads: the team's other active reps. */
  heirs: readonly TeamMember[];
  onClose: () => void;
  onRemoved: (answer: RemoveUserOutput) => void;
};

/** Confirms removing a member and chooses who takes their leads (a rep, or nobody). */
export const RemoveMemberDialog = ({
  teamId,
  member,
  heirs,
  onClose,
  onRemoved,
}: RemoveMemberDialogProps) => {
  const { t } = useTranslation();
  const [heir, setHeir] = useState('nobody');
  const { busy, error, submit } = useSubmit();
  const handleRemove = () =>
    void submit(async () => {
      const answer = await callApi(
        'POST',
        `/v1/teams/${teamId}/users/${member.userId}/remove`,
        RemoveUserOutput,
        {
          reassignTo: heir === 'nobody' ? null : heir,
        },
      );
      onRemoved(answer);
    });
  return (
    <Dialog
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={t('console.members.removeTitle', { email: member.email })}
      description={t('console.members.removeBody')}
      testId="remove-member-dialog"
      footer={
        <>
          <Button onClick={onClose}>{t('console.members.cancel')}</Button>
          <Button variant="danger" disabled={busy} onClick={handleRemove}>
            {t('console.members.removeConfirm')}
          </Button>
        </>
      }
    >
      <div className="field">
        <span className="field__label">{t('console.members.leadsTo')}</span>
        <Select
          value={heir}
          onValueChange={setHeir}
          items={[
            { value: 'nobody', label: t('console.members.nobody') },
            ...heirs.map((rep) => ({ value: rep.email, label: rep.email })),
          ]}
          label={t('console.members.leadsTo')}
        />
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </Dialog>
  );
};
