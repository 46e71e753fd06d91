import type { UpcomingCallback } from '@shared/api/callbacks';
import type { ArrivedLead, NoticeTarget, ReroutedHandoff } from '@shared/api/notices';
import type { RejectedChangeView } from '@shared/api/sync';
import { onEvent } from '../../../api/client';
import { useDialogStore } from '../../../app/dialogStore';
import { i18n } from '../../../i18n';
import { translatedError } from '../../../i18n/errors';
import { formatClock, formatDateTime, isKnownTimeZone } from '../../../i18n/format';
import { useLeadListStore } from '../../leads/state/leadListStore';
import { useSessionStore } from '../../session/state/sessionStore';
import { useSyncStore } from '../../sync/state/syncStore';
import { createNoticeGate, type Notice } from '../utils/noticeGate';
import { isCallUnderWay, useCallActivityStore } from './callActivity';

/** Rejected changes already announced, kept across reloads so a rejection is announced once. */
const REJECTIONS_SEEN_KEY = 'dialdeck.notifications.rejectionsSeen';
const MAX_REJECTIONS_SEEN = 500;

/** Opens what a clicked notification is about: the lead's card, or the sync dialog. */
export const openNoticeTarget = (target: NoticeTarget): void => {
  if (target.opens === 'lead') useLeadListStore.getState().open(target.leadId);
  else useDialogStore.getState().openDialog('sync');
};

/**
 * Shows one notice through the Electron host's desktop notification when the app runs there (its click
 * comes back as `app:noticeClicked`), else the browser's `Notification` once the rep allowed it.
 */
const deliver = (notice: Notice): void => {
  const { title, body, target } = notice;
  if (window.dialdeck?.notify) {
    void window.dialdeck.notify({ title, body, target }).catch(() => undefined);
    return;
  }
  if (!('Notification' in window) || Notification.permission !== 'granted') return;
  const shown = new Notification(title, { body, tag: notice.key });
  shown.onclick = () => {
    window.focus();
    openNoticeTarget(target);
  };
};

const gate = createNoticeGate(deliver);

/** A call under way, or a calling session the rep is looking at (the queue shows what is new). */
const isQuietNow = (): boolean =>
  isCallUnderWay(useCallActivityStore.getState().state) ||
  (useSessionStore.getState().state === 'running' &&
    document.visibilityState === 'visible' &&
    document.hasFocus());

/** A callback that falls due: who to call, their company and their local time. */
export const callbackNotice = (callback: UpcomingCallback): Notice => {
  const company = callback.company ?? '';
  const zone = isKnownTimeZone(callback.timeZone) ? callback.timeZone : null;
  return {
    key: `callback:${callback.taskId}@${callback.dueAt}`,
    title: i18n.t('outcomes.notifyTitle', { name: callback.name }),
    body: zone
      ? i18n
          .t('outcomes.notifyBody', { company, time: formatClock(callback.dueAt, zone) })
          .replace(/^ · /, '')
      : i18n.t('outcomes.notifyBodyNoZone', { company }),
    target: { opens: 'lead', leadId: callback.leadId },
  };
};

/** Inbound leads that reached the rep's queue through sync: one notice, naming the lead or counting them. */
export const arrivedNotice = (leads: readonly ArrivedLead[]): Notice | null => {
  const [first] = leads;
  if (!first) return null;
  const key = `arrived:${leads.map((lead) => lead.id).join(',')}`;
  if (leads.length === 1) {
    const channel = i18n.t(`channel.${first.sourceChannel}`);
    return {
      key,
      title: i18n.t('notifications.arrivedTitle', { name: first.name }),
      body: first.company
        ? i18n.t('notifications.arrivedBody', { company: first.company, channel })
        : channel,
      target: { opens: 'lead', leadId: first.id },
    };
  }
  return {
    key,
    title: i18n.t('notifications.arrivedManyTitle', { count: leads.length }),
    body: leads
      .slice(0, 3)
      .map((lead) => lead.name)
      .join(', '),
    target: { opens: 'lead', leadId: first.id },
  };
};

/**
 * A hand-off the team server re-routed because its AE left the team: who has it now and when the
 * answer is due, or that no AE can take it yet; it opens the lead.
 */
export const reroutedNotice = (handoff: ReroutedHandoff): Notice => {
  const when = formatDateTime(handoff.dueAt);
  return {
    key: `rerouted:${handoff.handoffId}:${handoff.ae ?? ''}:${handoff.dueAt}`,
    title: i18n.t('notifications.reroutedTitle', { name: handoff.leadName }),
    body:
      handoff.ae === null
        ? i18n.t('notifications.reroutedWaitingBody')
        : handoff.previousAe === null
          ? i18n.t('notifications.reroutedBodyNew', { ae: handoff.ae, when })
          : i18n.t('notifications.reroutedBody', { ae: handoff.ae, previousAe: handoff.previousAe, when }),
    target: { opens: 'lead', leadId: handoff.leadId },
  };
};

/** Changes the server refused for good: one notice for those not announced before, opening the sync dialog. */
export const rejectedNotice = (rejected: readonly RejectedChangeView[]): Notice | null => {
  const [first] = rejected;
  if (!first) return null;
  return {
    key: `rejected:${rejected.map((change) => change.id).join(',')}`,
    title: i18n.t('notifications.rejectedTitle', { count: rejected.length }),
    body: translatedError(first.code, first.message),
    target: { opens: 'sync' },
  };
};

const readSeen = (): string[] => {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(REJECTIONS_SEEN_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
};

const writeSeen = (ids: readonly string[]): void => {
  try {
    localStorage.setItem(REJECTIONS_SEEN_KEY, JSON.stringify(ids.slice(-MAX_REJECTIONS_SEEN)));
  } catch {
    // Private mode: a reload may announce the same rejection again; the sync dialog lists it either way.
  }
};

/** Offers a notice to the gate (shown, held while quiet, or dropped as already announced). */
export const offerNotice = (notice: Notice | null): void => {
  if (notice) gate.offer(notice);
};

/**
 * Starts the workspace's notifications: inbound leads arriving through sync, hand-offs re-routed to
 * another AE, sync rejections (due
 * callbacks are offered by `callbackAlerts`), kept quiet during a call or a focused calling session and
 * shown when it ends; a desktop notification's click opens its lead or the sync dialog. Returns the
 * function that stops it.
 */
export const startNotices = (): (() => void) => {
  const updateQuiet = () => gate.setQuiet(isQuietNow());
  const stops = [
    onEvent('leads:arrived', ({ leads }) => offerNotice(arrivedNotice(leads))),
    onEvent('handoffs:rerouted', ({ handoffs }) => {
      for (const handoff of handoffs) offerNotice(reroutedNotice(handoff));
    }),
    onEvent('app:noticeClicked', (target) => openNoticeTarget(target)),
    useSyncStore.subscribe((state, previous) => {
      const rejected = state.status?.rejected ?? [];
      if (rejected === (previous.status?.rejected ?? [])) return;
      const seen = readSeen();
      const fresh = rejected.filter((change) => !seen.includes(change.id));
      if (fresh.length === 0) return;
      writeSeen([...seen, ...fresh.map((change) => change.id)]);
      offerNotice(rejectedNotice(fresh));
    }),
    useCallActivityStore.subscribe(updateQuiet),
    useSessionStore.subscribe(updateQuiet),
  ];
  window.addEventListener('focus', updateQuiet);
  window.addEventListener('blur', updateQuiet);
  document.addEventListener('visibilitychange', updateQuiet);
  updateQuiet();
  return () => {
    for (const stop of stops) stop();
    window.removeEventListener('focus', updateQuiet);
    window.removeEventListener('blur', updateQuiet);
    document.removeEventListener('visibilitychange', updateQuiet);
  };
};
