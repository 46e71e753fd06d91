import type { HandoffReadiness } from '@shared/api/qualification';
import type { ProfileItem, ProfileSource } from '@shared/domain/qualification';
import type { TFunction } from 'i18next';
import { currentLocale } from '../../../i18n';

/** A checklist item's text: the team's own label, or the translation of a built-in item. */
export const profileItemLabel = (item: ProfileItem, t: TFunction): string =>
  item.label ?? t(`qualification.items.${item.id}`, { defaultValue: item.id });

/** Where a derived item's tick comes from, in words ("from the lead’s title"). */
export const derivedText = (source: ProfileSource, t: TFunction): string =>
  t(`qualification.derived.${source.replace(':', '_') as 'title'}`);

/** Why the lead cannot be handed off now, in words; empty when it can. */
export const blockedText = (readiness: HandoffReadiness, t: TFunction): string =>
  readiness.blockedBy
    ? t(`qualification.blocked.${readiness.blockedBy}`, { required: readiness.required })
    : '';

/** A share (0–1) as a percentage in the interface language. */
export const formatShare = (share: number): string =>
  new Intl.NumberFormat(currentLocale(), { style: 'percent', maximumFractionDigits: 0 }).format(share);
