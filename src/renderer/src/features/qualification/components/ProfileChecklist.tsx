import type { ProfileCompleteness } from '@shared/domain/qualification';
import { useTranslation } from 'react-i18next';
import { ProgressBar } from '../../../ui/ProgressBar';
import { useQualificationStore } from '../state/qualificationStore';
import { derivedText, formatShare, profileItemLabel } from '../utils/labels';

/**
 * The profile checklist with its completeness against the team's threshold. Items the lead's fields
 * or BANT answer are ticked and say where from; the rest the rep ticks by hand.
 */
export const ProfileChecklist = ({
  leadId,
  profile,
  readOnly = false,
}: {
  leadId: string;
  profile: ProfileCompleteness;
  /** After the hand-off the checklist is what the AE received. */
  readOnly?: boolean;
}) => {
  const { t } = useTranslation();
  const setProfileItem = useQualificationStore((s) => s.setProfileItem);
  const count = t('qualification.profileCount', {
    filled: profile.filled,
    total: profile.total,
    percent: formatShare(profile.ratio),
  });
  return (
    <div className="profile">
      <div className="profile__head">
        <h4 className="qualification__subtitle">{t('qualification.profileTitle')}</h4>
        <span className="profile__count" data-testid="profile-count">
          {count}
        </span>
      </div>
      <div className={profile.meetsThreshold ? 'profile__bar' : 'profile__bar profile__bar--below'}>
        <ProgressBar value={profile.ratio} label={t('qualification.profileTitle')} valueText={count} />
      </div>
      <p
        className={profile.meetsThreshold ? 'profile__verdict' : 'profile__verdict profile__verdict--below'}
        data-testid="profile-verdict"
      >
        {profile.meetsThreshold
          ? t('qualification.profileMeets')
          : t('qualification.profileBelow', { threshold: formatShare(profile.threshold) })}
      </p>
      <ul className="profile__items">
        {profile.items.map((item) => {
          const id = `profile-${item.id}`;
          return (
            <li
              key={item.id}
              className={item.checked ? 'profile__item profile__item--checked' : 'profile__item'}
            >
              <input
                id={id}
                type="checkbox"
                checked={item.checked}
                disabled={item.derived || readOnly}
                onChange={(event) => void setProfileItem(leadId, item.id, event.target.checked)}
                data-testid={id}
              />
              <label htmlFor={id}>
                {profileItemLabel(item, t)}
                {item.derived && item.source ? (
                  <span className="profile__source">{derivedText(item.source, t)}</span>
                ) : null}
              </label>
            </li>
          );
        })}
      </ul>
    </div>
  );
};
