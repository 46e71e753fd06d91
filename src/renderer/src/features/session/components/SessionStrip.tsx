import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../i18n/format';
import { Button } from '../../../ui/Button';
import { Kbd } from '../../../ui/Kbd';
import { ProgressBar } from '../../../ui/ProgressBar';
import { useSessionStore } from '../state/sessionStore';
import './session.css';

const Figure = ({ label, value, testId }: { label: string; value: string; testId: string }) => (
  <div className="session-strip__figure">
    <span className="session-strip__value" data-testid={testId}>
      {value}
    </span>
    <span className="session-strip__label">{label}</span>
  </div>
);

/**
 * The calling session's strip on the Queue view: its state and keys, and today's dials, connects,
 * conversations, talk time, voicemails and MQLs against the daily dial target (from `session.stats`).
 */
export const SessionStrip = () => {
  const { t } = useTranslation();
  const state = useSessionStore((s) => s.state);
  const held = useSessionStore((s) => s.held);
  const stats = useSessionStore((s) => s.stats);
  const loadStats = useSessionStore((s) => s.loadStats);
  const start = useSessionStore((s) => s.start);
  const togglePause = useSessionStore((s) => s.togglePause);
  const stop = useSessionStore((s) => s.stop);

  useEffect(() => {
    void loadStats();
  }, [loadStats]);

  const progressText = stats
    ? t('session.progress', { done: formatNumber(stats.dials), target: formatNumber(stats.target) })
    : '—';
  return (
    <section
      className={`session-strip session-strip--${state}`}
      aria-label={t('session.strip')}
      data-testid="session-strip"
      data-state={state}
    >
      <div className="session-strip__head">
        <span className="session-strip__state" data-testid="session-state">
          {t(`session.${state === 'running' ? 'running' : state === 'paused' ? 'paused' : 'off'}`)}
        </span>
        <div className="session-strip__actions">
          {state === 'off' ? (
            <Button variant="primary" size="s" onClick={() => void start()} data-testid="session-start">
              {t('session.start')} <Kbd>G</Kbd>
            </Button>
          ) : (
            <>
              <Button size="s" onClick={togglePause} data-testid="session-pause">
                {state === 'paused' ? t('session.resume') : t('session.pause')} <Kbd>P</Kbd>
              </Button>
              <Button size="s" variant="ghost" onClick={stop} data-testid="session-stop">
                {t('session.stop')} <Kbd>X</Kbd>
              </Button>
            </>
          )}
        </div>
      </div>
      <div className="session-strip__progress">
        <span className="session-strip__progress-text" data-testid="session-progress">
          {progressText}
        </span>
        <ProgressBar
          value={stats ? stats.progress : null}
          label={t('session.progressLabel')}
          valueText={progressText}
        />
      </div>
      {stats ? (
        <div className="session-strip__figures">
          <Figure
            label={t('session.connects')}
            value={formatNumber(stats.connects)}
            testId="session-connects"
          />
          <Figure
            label={t('session.conversations')}
            value={formatNumber(stats.conversations)}
            testId="session-conversations"
          />
          <Figure
            label={t('session.talkTime')}
            value={t('session.minutes', { count: Math.round(stats.talkSeconds / 60) })}
            testId="session-talk"
          />
          <Figure
            label={t('session.voicemails')}
            value={formatNumber(stats.voicemails)}
            testId="session-voicemails"
          />
          <Figure label={t('session.mqls')} value={formatNumber(stats.mqls)} testId="session-mqls" />
        </div>
      ) : null}
      {held ? (
        <p className="session-strip__held" role="status" data-testid="session-held">
          {t('session.held')}
        </p>
      ) : null}
    </section>
  );
};
