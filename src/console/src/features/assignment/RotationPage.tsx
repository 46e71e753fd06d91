import { Badge } from '@renderer/ui/Badge';
import { Button } from '@renderer/ui/Button';
import { RemoveShiftOutput, RotationMember, TeamRotationOutput } from '@shared/server/shifts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../../api/client';
import { errorText } from '../../api/errors';
import { useSession } from '../../app/session';
import { consoleLocale } from '../../i18n';
import { ConsoleTable } from '../../ui/ConsoleTable';
import { useReport } from '../boards/useReport';
import { formatInZone } from '../boards/zonedTime';
import './assignment.css';
import { ShiftDialog } from './ShiftDialog';
import { weekdaysText } from './weekdays';

/**
 * Round-robin membership and shifts: each rep in or out of rotation (a switch), their shift (days,
 * times, zone) with add, edit and remove, who is on shift now, and a plain warning when nobody in
 * rotation is on shift or nobody is in rotation at all (where inbound leads then go).
 */
export const RotationPage = () => {
  const { t } = useTranslation();
  const teamId = useSession((state) => state.user?.teamId ?? '');
  const rotation = useReport(`/v1/teams/${teamId}/rotation`, TeamRotationOutput, true);
  const [editing, setEditing] = useState<RotationMember | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const locale = consoleLocale();
  const members = rotation.data?.members ?? [];
  const inRotation = members.filter((member) => member.inRotation).length;

  const act = async (action: () => Promise<string>) => {
    setError(null);
    setNotice(null);
    try {
      setNotice(await action());
    } catch (failure) {
      setError(errorText(failure));
    }
    await rotation.refresh();
  };
  const handleRotation = (member: RotationMember, next: boolean) =>
    void act(async () => {
      await callApi('PUT', `/v1/teams/${teamId}/rotation/${member.userId}`, RotationMember, {
        inRotation: next,
      });
      return t(next ? 'console.rotation.nowIn' : 'console.rotation.nowOut', { email: member.email });
    });
  const handleRemoveShift = (member: RotationMember) =>
    void act(async () => {
      await callApi('DELETE', `/v1/teams/${teamId}/shifts/${member.userId}`, RemoveShiftOutput);
      return t('console.rotation.removed', { email: member.email });
    });

  const warning =
    rotation.data === null || members.length === 0
      ? null
      : inRotation === 0
        ? t('console.rotation.nobodyInRotation')
        : rotation.data.onShiftNow === 0
          ? t('console.rotation.nobodyOnShift')
          : null;

  return (
    <div className="console-page console-page--wide">
      <h1 className="console-h1">{t('console.rotation.title')}</h1>
      <p className="section-hint">{t('console.rotation.hint')}</p>
      {warning ? (
        <p className="form-error" role="alert" data-testid="rotation-warning">
          {warning}
        </p>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {notice ? (
        <p className="assign-notice" role="status" data-testid="rotation-notice">
          {notice}
        </p>
      ) : null}
      <section className="console-card">
        {rotation.data === null ? <p className="muted">{t('console.loading')}</p> : null}
        {rotation.data !== null && members.length === 0 ? (
          <p className="muted">{t('console.rotation.noReps')}</p>
        ) : null}
        {rotation.data !== null && members.length > 0 ? (
          <>
            <p className="muted" data-testid="on-shift-now">
              {t('console.rotation.onShiftNow', { count: rotation.data.onShiftNow })}
            </p>
            <ConsoleTable
              rows={members}
              rowKey={(member) => member.userId}
              rowTestId="rotation-row"
              columns={[
                { header: t('console.rotation.rep'), cell: (member) => member.email },
                {
                  header: t('console.rotation.inRotation'),
                  cell: (member) => (
                    <input
                      type="checkbox"
                      role="switch"
                      checked={member.inRotation}
                      aria-checked={member.inRotation}
                      aria-label={t('console.rotation.inRotationOf', { email: member.email })}
                      onChange={(event) => handleRotation(member, event.target.checked)}
                    />
                  ),
                },
                {
                  header: t('console.rotation.shift'),
                  cell: (member) =>
                    member.shift ? (
                      t('console.rotation.shiftText', {
                        days: weekdaysText(member.shift.days, locale),
                        from: member.shift.from,
                        to: member.shift.to,
                        zone: member.shift.timeZone,
                      })
                    ) : (
                      <span className="muted">{t('console.rotation.noShift')}</span>
                    ),
                },
                {
                  header: t('console.rotation.now'),
                  cell: (member) =>
                    member.shift?.onShift ? (
                      <Badge tone="success">{t('console.rotation.onShift')}</Badge>
                    ) : member.shift?.nextStartAt ? (
                      <span className="muted">
                        {t('console.rotation.nextStart', {
                          when: formatInZone(
                            member.shift.nextStartAt,
                            member.shift.timeZone,
                            locale,
                            t('errors.unknownTime'),
                          ),
                          zone: member.shift.timeZone,
                        })}
                      </span>
                    ) : (
                      <Badge>{t('console.rotation.offShift')}</Badge>
                    ),
                },
              ]}
              actionsLabel={t('console.rotation.actions')}
              actions={(member) => (
                <>
                  <Button size="s" onClick={() => setEditing(member)}>
                    {member.shift ? t('console.rotation.editShift') : t('console.rotation.addShift')}
                  </Button>
                  {member.shift ? (
                    <Button size="s" variant="danger" onClick={() => handleRemoveShift(member)}>
                      {t('console.rotation.removeShift')}
                    </Button>
                  ) : null}
                </>
              )}
            />
          </>
        ) : null}
      </section>
      {editing ? (
        <ShiftDialog
          teamId={teamId}
          member={editing}
          onClose={() => setEditing(null)}
          onSaved={(message) => {
            setEditing(null);
            setNotice(message);
            void rotation.refresh();
          }}
        />
      ) : null}
    </div>
  );
};
