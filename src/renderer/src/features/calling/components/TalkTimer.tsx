import type { TalkMetrics } from '@shared/talk/metrics';
import { useTranslation } from 'react-i18next';
import { useSettingsStore } from '../../settings/state/settingsStore';
import { formatCallClock, percent } from '../utils/format';
import { type CoachState, coachView } from '../utils/talkCoach';

/**
 * The live 70/30 timer: the rep's talk share against the target (a bar with the target marked, the
 * figure, and a verdict in words with a ✓ or ▲ mark, never colour alone), the running monologue with
 * its warning, the pause coach after the prospect stops, and interruptions counted. Only the verdicts
 * sit in a polite live region, so a screen reader hears a change of advice, not every figure: the
 * monologue warning is announced once when it starts, its running clock stays outside the region.
 */
export const TalkTimer = ({ metrics, coach }: { metrics: TalkMetrics | null; coach: CoachState }) => {
  const { t } = useTranslation();
  const target = useSettingsStore((s) => s.settings.callingTalkShareTarget);
  const limit = useSettingsStore((s) => s.settings.callingMonologueSeconds);
  const view = coachView(coach, metrics, target, limit);
  const sharePct = view.share === null ? null : percent(view.share);
  const pauseText =
    view.pause.kind === 'waiting'
      ? t('calling.timer.pauseWaiting', { seconds: view.pause.seconds.toFixed(1) })
      : view.pause.kind === 'done'
        ? t(view.pause.ok ? 'calling.timer.pauseOk' : 'calling.timer.pauseShort', {
            seconds: view.pause.seconds.toFixed(1),
          })
        : t('calling.timer.pauseIdle');
  return (
    <section
      className="talk-timer"
      aria-labelledby="talk-timer-title"
      data-testid="talk-timer"
      data-verdict={view.verdict}
    >
      <h4 className="talk-timer__title" id="talk-timer-title">
        {t('calling.timer.title')}
      </h4>
      <div className="talk-timer__share">
        <span className="talk-timer__label">{t('calling.timer.youTalk')}</span>
        <span className="talk-timer__figure" data-testid="talk-share">
          {sharePct === null ? t('calling.timer.noShare') : t('calling.timer.share', { share: sharePct })}
        </span>
        <span className="muted">{t('calling.timer.target', { target: percent(view.target) })}</span>
      </div>
      {/* biome-ignore lint/a11y/useSemanticElements: a styled bar with the target marked on it; <meter> cannot show the mark */}
      <div
        className="talk-timer__bar"
        role="meter"
        aria-label={t('calling.timer.youTalk')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={sharePct ?? 0}
        aria-valuetext={sharePct === null ? t('calling.timer.none') : `${sharePct}%`}
      >
        <span className="talk-timer__fill" style={{ width: `${sharePct ?? 0}%` }} />
        <span
          className="talk-timer__target"
          style={{ left: `${percent(view.target)}%` }}
          aria-hidden="true"
        />
      </div>
      <div role="status" aria-live="polite" className="talk-timer__advice">
        <p className={`talk-timer__verdict talk-timer__verdict--${view.verdict}`} data-testid="talk-verdict">
          <span aria-hidden="true" className="talk-timer__mark">
            {view.verdict === 'over' ? '▲' : view.verdict === 'ok' ? '✓' : '…'}
          </span>
          {t(`calling.timer.${view.verdict}`)}
        </p>
        {/* Said once when the monologue passes the limit: the running clock stays out of the live region. */}
        {view.monologueLong ? (
          <span className="visually-hidden">{t('calling.timer.monologueAlert')}</span>
        ) : null}
      </div>
      {view.monologueLong ? (
        <p className="talk-timer__warning" data-testid="talk-monologue-warning">
          <span aria-hidden="true" className="talk-timer__mark">
            ⚠
          </span>
          {t('calling.timer.monologueLong', {
            time: formatCallClock(view.monologue),
            limit: formatCallClock(view.monologueLimit),
          })}
        </p>
      ) : null}
      <ul className="talk-timer__facts">
        <li data-testid="talk-monologue">
          {t('calling.timer.monologue', { time: formatCallClock(view.monologue) })}
          <span className="muted">
            {' '}
            · {t('calling.timer.longest', { time: formatCallClock(view.longestMonologue) })}
          </span>
        </li>
        <li
          data-testid="talk-pause"
          data-pause={view.pause.kind === 'done' ? (view.pause.ok ? 'ok' : 'short') : view.pause.kind}
        >
          <span aria-hidden="true" className="talk-timer__mark">
            {view.pause.kind === 'done' ? (view.pause.ok ? '✓' : '▲') : '○'}
          </span>
          {pauseText}
        </li>
        <li data-testid="talk-interruptions">
          {t('calling.timer.interruptions', { count: view.interruptions })}
        </li>
      </ul>
    </section>
  );
};
