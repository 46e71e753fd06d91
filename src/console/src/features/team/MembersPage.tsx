import { formatDateTime } from '@renderer/i18n/format';
import { Badge } from '@renderer/ui/Badge';
import { Button } from '@renderer/ui/Button';
import { Select } from '@renderer/ui/Select';
import { TextField } from '@renderer/ui/TextField';
import { type TeamRole, TeamRole as TeamRoles } from '@shared/server/admin';
import { ConsoleLinkOutput } from '@shared/server/console';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../../api/client';
import { useSession } from '../../app/session';
import { useSubmit } from '../../app/useSubmit';
import { ConsoleTable } from '../../ui/ConsoleTable';
import '../assignment/assignment.css';
import { memberWithOtherRole } from './inviteCheck';
import { RemoveMemberDialog } from './RemoveMemberDialog';
import { activeReps, type TeamMember, useMembers } from './useMembers';

/**
 * The team's members: each with role, when added and whether removed; a form that adds a member
 * (rep, AE or manager) and shows the one-time invitation link to hand over; per member a
 * password-reset link and removal (their leads to a rep of the manager's choice, or to nobody).
 */
export const MembersPage = () => {
  const { t } = useTranslation();
  const me = useSession((state) => state.user?.userId ?? '');
  const { members, teamId, refresh } = useMembers();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<TeamRole>('rep');
  const [link, setLink] = useState<ConsoleLinkOutput | null>(null);
  const [removing, setRemoving] = useState<TeamMember | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [inviteProblem, setInviteProblem] = useState<string | null>(null);
  const { busy, error, submit } = useSubmit();
  const base = `/v1/teams/${teamId}/console`;

  const handleInvite = (event: FormEvent) => {
    event.preventDefault();
    setLink(null);
    setNotice(null);
    const clash = memberWithOtherRole(members, email, role);
    setInviteProblem(
      clash
        ? t('console.members.inviteOtherRole', {
            email: clash.email,
            role: t(`console.roles.${clash.role}`),
          })
        : null,
    );
    if (clash) return;
    void submit(async () => {
      setLink(await callApi('POST', `${base}/invitations`, ConsoleLinkOutput, { email: email.trim(), role }));
      setEmail('');
      await refresh();
    });
  };
  const handleReset = (member: TeamMember) => {
    setLink(null);
    setNotice(null);
    void submit(async () => {
      setLink(await callApi('POST', `${base}/password-resets`, ConsoleLinkOutput, { email: member.email }));
    });
  };

  return (
    <div className="console-page console-page--wide">
      <h1 className="console-h1">{t('console.members.title')}</h1>
      <p className="section-hint">{t('console.members.hint')}</p>
      <section className="console-card members-invite" aria-labelledby="invite-title">
        <h2 id="invite-title" className="section-title">
          {t('console.members.inviteTitle')}
        </h2>
        <form className="console-form console-form--inline" onSubmit={handleInvite}>
          <TextField
            type="email"
            required
            label={t('console.members.inviteEmail')}
            value={email}
            onValueChange={setEmail}
            data-testid="invite-email"
          />
          <div className="field">
            <span className="field__label">{t('console.members.inviteRole')}</span>
            <Select<TeamRole>
              value={role}
              onValueChange={setRole}
              items={TeamRoles.options.map((value) => ({ value, label: t(`console.roles.${value}`) }))}
              label={t('console.members.inviteRole')}
              testId="invite-role"
            />
          </div>
          <Button type="submit" variant="primary" disabled={busy}>
            {t('console.members.inviteSubmit')}
          </Button>
        </form>
        {(inviteProblem ?? error) ? (
          <p className="form-error" role="alert" data-testid="invite-error">
            {inviteProblem ?? error}
          </p>
        ) : null}
        {link ? (
          <p className="console-link members-link" data-testid="member-link">
            {t(link.kind === 'invite' ? 'console.members.inviteLink' : 'console.members.resetLink', {
              email: link.email,
              when: formatDateTime(link.expiresAt),
            })}
            <code>{link.link}</code>
          </p>
        ) : null}
        {notice ? (
          <p className="assign-notice" role="status">
            {notice}
          </p>
        ) : null}
      </section>
      <section className="console-card">
        {members === null ? <p className="muted">{t('console.loading')}</p> : null}
        {members !== null ? (
          <ConsoleTable
            rows={members}
            rowKey={(member) => member.userId}
            rowTestId="member-row"
            columns={[
              { header: t('console.members.email'), cell: (member) => member.email },
              { header: t('console.members.role'), cell: (member) => t(`console.roles.${member.role}`) },
              {
                header: t('console.members.added'),
                cell: (member) => formatDateTime(member.createdAt),
                className: 'tabular',
              },
              {
                header: t('console.members.state'),
                cell: (member) =>
                  member.removedAt === null ? (
                    <Badge tone="success">{t('console.members.active')}</Badge>
                  ) : (
                    <Badge>
                      {t('console.members.removedOn', { when: formatDateTime(member.removedAt) })}
                    </Badge>
                  ),
              },
            ]}
            actionsLabel={t('console.members.actions')}
            actions={(member) =>
              member.removedAt === null ? (
                <>
                  <Button
                    size="s"
                    aria-label={t('console.members.resetOf', { email: member.email })}
                    onClick={() => handleReset(member)}
                  >
                    {t('console.members.reset')}
                  </Button>
                  {member.userId === me ? null : (
                    <Button
                      size="s"
                      variant="danger"
                      aria-label={t('console.members.removeOf', { email: member.email })}
                      onClick={() => setRemoving(member)}
                    >
                      {t('console.members.remove')}
                    </Button>
                  )}
                </>
              ) : null
            }
          />
        ) : null}
      </section>
      {removing ? (
        <RemoveMemberDialog
          teamId={teamId}
          member={removing}
          heirs={activeReps(members).filter((rep) => rep.userId !== removing.userId)}
          onClose={() => setRemoving(null)}
          onRemoved={(answer) => {
            setRemoving(null);
            setLink(null);
            setNotice(t('console.members.removed', { email: answer.email, count: answer.leads.count }));
            void refresh();
          }}
        />
      ) : null}
    </div>
  );
};
