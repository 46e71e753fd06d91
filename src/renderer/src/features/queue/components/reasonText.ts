import type { RankReason } from '@shared/domain/queue';
import type { TFunction } from 'i18next';
import { i18n } from '../../../i18n';
import { formatDateTime } from '../../../i18n/format';

/** "5 min", "3 hr", "2 days" in the interface language. */
const span = (minutes: number): string => {
  const [amount, unit] =
    minutes < 60
      ? [minutes, 'minute']
      : minutes < 1440
        ? [Math.round(minutes / 60), 'hour']
        : [Math.round(minutes / 1440), 'day'];
  return new Intl.NumberFormat(i18n.language, { style: 'unit', unit, unitDisplay: 'short' }).format(amount);
};

/**
 * Texts already made, by language, code and value: the queue shows the same few reasons on its 100
 * rows and re-renders them after every logged outcome, and formatting each one afresh cost tens of
 * milliseconds a refresh. Emptied when it grows large (speed-to-lead spans and callback times vary).
 */
const made = new Map<string, string>();

/** A queue reason in the interface language, from its stable code and value (the core's text is English). */
export const reasonText = (reason: RankReason, t: TFunction): string => {
  const key = `${i18n.language}|${reason.code}|${reason.value}`;
  const known = made.get(key);
  if (known !== undefined) return known;
  if (made.size > 2_000) made.clear();
  const text = makeReasonText(reason, t);
  made.set(key, text);
  return text;
};

const makeReasonText = (reason: RankReason, t: TFunction): string => {
  const value = reason.value ?? 0;
  switch (reason.code) {
    case 'callback_due':
      return t('queue.reasons.callback_due', { when: formatDateTime(value) });
    case 'speed_to_lead':
      return t('queue.reasons.speed_to_lead', { span: span(value) });
    case 'priority':
      return t('queue.reasons.priority', { band: value });
    case 'fit':
      return reason.value === null ? t('queue.reasons.fitUnknown') : t('queue.reasons.fit', { fit: value });
    case 'attempts':
      return t('queue.reasons.attempts', { count: value });
    case 'step_due':
      return t('queue.reasons.step_due', { span: span(value) });
  }
};
