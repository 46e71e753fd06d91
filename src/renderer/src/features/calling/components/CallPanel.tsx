import type { Lead } from '@shared/domain/lead';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../../api/client';
import { Button } from '../../../ui/Button';
import { AlertIcon, PhoneIcon } from '../../../ui/icons';
import { Select } from '../../../ui/Select';
import { useDoNotContact } from '../../outcomes/state/callStore';
import { useSettingsStore } from '../../settings/state/settingsStore';
import { useSyncStore } from '../../sync/state/syncStore';
import { PRACTICE_CHOICES, type PracticeChoice } from '../providers/practiceScript';
import { setPracticeChoice } from '../providers/registry';
import { callController, useCallController } from '../state/callStore';
import type { ActiveCall } from '../state/controller';
import { isLive } from '../state/controller';
import { dialLead, dialString, useChosenPhone } from '../state/dial';
import { formatCallClock } from '../utils/format';
import { warningKey } from '../utils/host';
import { DeviceCheck } from './DeviceCheck';
import { DeviceSelects, useAudioDevices } from './DeviceSelects';
import { InterruptedCallOffer } from './InterruptedCallOffer';
import { Keypad } from './Keypad';
import { TalkTimer } from './TalkTimer';
import './calling.css';

/** Seconds since the answer, ticking once a second while the call is live. */
const useCallSeconds = (call: ActiveCall | null): number => {
  const [now, setNow] = useState(Date.now());
  const live = call !== null && isLive(call.state);
  useEffect(() => {
    if (!live) return;
    const id = window.setInterval(() => setNow(Date.now()), 1_000);
    return () => window.clearInterval(id);
  }, [live]);
  if (!call?.connectedAt) return 0;
  return ((call.endedAt ?? now) - call.connectedAt) / 1000;
};

const STATE_MARK: Record<ActiveCall['state'], string> = {
  idle: '○',
  connecting: '…',
  ringing: '☏',
  connected: '●',
  reconnecting: '↻',
  'on-hold': '❚❚',
  ended: '■',
  failed: '✕',
};

/** The live call's controls: mute, hold, keypad, devices, hang up, and the system phone's timer. */
const LiveControls = ({ call }: { call: ActiveCall }) => {
  const { t } = useTranslation();
  const [keypad, setKeypad] = useState(false);
  const devices = useAudioDevices();
  const { toggleMute, toggleHold, hangup, startTimer } = callController.getState();
  const system = call.provider === 'system';
  const answered = call.state === 'connected' || call.state === 'on-hold';
  return (
    <>
      {system ? (
        <div className="call-panel__system">
          {call.connectedAt === null ? (
            <>
              <p className="muted">{t('calling.system.handedOff')}</p>
              <Button variant="primary" size="s" onClick={startTimer} data-testid="call-timer-start">
                {t('calling.system.startTimer')}
              </Button>
            </>
          ) : null}
        </div>
      ) : null}
      <div className="call-panel__controls">
        {!system ? (
          <>
            <Button size="s" aria-pressed={call.muted} onClick={toggleMute} data-testid="call-mute">
              {call.muted ? t('calling.unmute') : t('calling.mute')}
            </Button>
            <Button
              size="s"
              aria-pressed={call.held}
              disabled={!answered}
              onClick={() => void toggleHold()}
              data-testid="call-hold"
            >
              {call.held ? t('calling.resume') : t('calling.hold')}
            </Button>
            <Button
              size="s"
              aria-pressed={keypad}
              aria-expanded={keypad}
              onClick={() => setKeypad((k) => !k)}
              data-testid="call-keypad-toggle"
            >
              {t('calling.keypad')}
            </Button>
          </>
        ) : null}
        <Button variant="danger" size="s" onClick={hangup} data-testid="call-hangup">
          {system && call.connectedAt !== null ? t('calling.system.stopTimer') : t('calling.hangUp')}
        </Button>
      </div>
      {keypad && !system ? <Keypad /> : null}
      {!system ? <DeviceSelects devices={devices} /> : null}
    </>
  );
};

/** The SIP server's address while a SIP call's failure is shown (null before it is read, or none saved). */
const useSipAddress = (active: boolean): string | null => {
  const [address, setAddress] = useState<string | null>(null);
  useEffect(() => {
    if (!active) return;
    let stale = false;
    invoke('telephony.sipSettings', {})
      .then((view) => {
        if (!stale) setAddress(view.settings?.websocketUrl ?? null);
      })
      .catch(() => undefined);
    return () => {
      stale = true;
    };
  }, [active]);
  return address;
};

/** What went wrong and the other ways to call, so the session goes on. */
const FailureOffer = ({ lead }: { lead: Pick<Lead, 'id' | 'phones'> }) => {
  const { t } = useTranslation();
  const failure = useCallController((s) => (s.failure?.leadId === lead.id ? s.failure : null));
  // Twilio calls only through a signed-in team server: not offered while there is none.
  const signedIn = useSyncStore((s) => Boolean(s.status?.server));
  // A SIP server that does not answer: name the address the rep saved, and what to check.
  const sipDown = failure?.provider === 'sip' && failure.code === 'provider_unreachable';
  const sipAddress = useSipAddress(sipDown);
  if (!failure) return null;
  const others = callController
    .getState()
    .alternatives(failure.provider)
    .filter((kind) => kind !== 'twilio' || signedIn);
  return (
    <div className="call-panel__failure" role="alert" data-testid="call-failure" data-code={failure.code}>
      <p>
        <AlertIcon />{' '}
        {sipDown && sipAddress
          ? t('calling.sipUnreachable', { address: sipAddress })
          : t(`calling.errors.${failure.code}`)}
      </p>
      {others.length > 0 ? (
        <div className="call-panel__offer">
          <span>{t('calling.failedOffer')}</span>
          {others.map((kind) => (
            <Button
              key={kind}
              size="s"
              onClick={() => void dialLead(lead, kind)}
              data-testid={`call-with-${kind}`}
            >
              {t('calling.callWith', { provider: t(`calling.providers.${kind}`) })}
            </Button>
          ))}
        </div>
      ) : null}
    </div>
  );
};

/**
 * The call card of the lead on screen: which way calls go and the number chosen before a call; the
 * state (in words and a mark), the duration, the controls, quality warnings with advice and the
 * 70/30 timer during it; after it, the duration and a pointer to the outcome card. A failed provider
 * offers the others.
 */
export const CallPanel = ({ lead }: { lead: Pick<Lead, 'id' | 'phones' | 'status'> }) => {
  const { t } = useTranslation();
  // Nothing dials a do-not-contact lead; a call already running still shows so it can be hung up.
  const doNotContact = useDoNotContact(lead);
  const call = useCallController((s) => (s.call?.leadId === lead.id ? s.call : null));
  const provider = useSettingsStore((s) => s.settings.callingProvider);
  const chosen = useChosenPhone((s) => s.byLead[lead.id] ?? 0);
  const choose = useChosenPhone((s) => s.choose);
  const [practice, setPractice] = useState<PracticeChoice>('random');
  const [checking, setChecking] = useState(false);
  const seconds = useCallSeconds(call);
  // The ended call's length is the one logged with its outcome (whole seconds, rounded): one figure.
  const loggedSeconds = useCallController((s) => (call ? s.ended[call.callId]?.durationSeconds : undefined));
  const live = call !== null && isLive(call.state);
  const kind = call?.provider ?? provider;
  if (doNotContact && !live) return null;

  return (
    <section className="card call-panel" aria-labelledby="card-call" data-testid="call-panel">
      <h3 className="card__title" id="card-call">
        {t('calling.title')}
      </h3>
      {call ? (
        <div className="call-panel__status">
          <p className="call-panel__state" data-testid="call-state" data-state={call.state}>
            <span aria-hidden="true" className="call-panel__mark">
              {STATE_MARK[call.state]}
            </span>
            {t(`calling.states.${call.state}`)}
          </p>
          <p className="call-panel__duration" data-testid="call-duration">
            {t('calling.duration', { time: formatCallClock(seconds) })}
          </p>
          <p className="muted">
            {t(`calling.providers.${call.provider}`)} · {call.to}
          </p>
        </div>
      ) : (
        <p className="muted" data-testid="call-via">
          {t('calling.via', { provider: t(`calling.providers.${provider}`) })}
        </p>
      )}

      {call && live ? <LiveControls call={call} /> : null}

      {call?.warnings.length ? (
        <ul className="call-panel__warnings" role="status" aria-live="polite" data-testid="call-warnings">
          {call.warnings.map((warning) => (
            <li key={warning} data-warning={warning}>
              <AlertIcon /> {t(warningKey(warning))}
            </li>
          ))}
        </ul>
      ) : null}

      {call && (live || call.metrics) && kind !== 'system' && call.repMeasured ? (
        <TalkTimer metrics={call.metrics} coach={call.coach} />
      ) : null}
      {call && kind !== 'system' && !call.repMeasured ? (
        <p className="muted" data-testid="talk-unmeasured">
          {t('calling.timer.noMic')}
        </p>
      ) : null}
      {call && live && kind === 'system' ? <p className="muted">{t('calling.timer.noMeter')}</p> : null}

      {call?.state === 'ended' ? (
        <p role="status" data-testid="call-ended">
          {t('calling.ended', { time: formatCallClock(loggedSeconds ?? seconds) })}
        </p>
      ) : null}

      <FailureOffer lead={lead} />

      {!live ? <InterruptedCallOffer leadId={lead.id} /> : null}

      {!live ? (
        <div className="call-panel__idle">
          {lead.phones.length > 1 ? (
            <div className="field">
              <span className="field__label">{t('calling.number')}</span>
              <Select
                label={t('calling.number')}
                value={String(chosen)}
                onValueChange={(value) => choose(lead.id, Number(value))}
                items={lead.phones.map((phone, i) => ({ value: String(i), label: dialString(phone) }))}
                size="s"
                testId="call-number"
              />
            </div>
          ) : null}
          {provider === 'practice' ? (
            <div className="field">
              <span className="field__label">{t('calling.practice.scenario')}</span>
              <Select<PracticeChoice>
                label={t('calling.practice.scenario')}
                value={practice}
                onValueChange={(choice) => {
                  setPractice(choice);
                  setPracticeChoice(choice);
                }}
                items={PRACTICE_CHOICES.map((choice) => ({
                  value: choice,
                  label: t(`calling.practice.scenarios.${choice}`),
                }))}
                size="s"
                testId="practice-scenario"
              />
            </div>
          ) : null}
          <div className="call-panel__controls">
            {lead.phones.length > 0 ? (
              <Button
                variant="primary"
                size="s"
                icon={<PhoneIcon />}
                onClick={() => void dialLead(lead)}
                data-testid="call-dial"
              >
                {t('calling.call')}
              </Button>
            ) : null}
            <Button
              size="s"
              variant="ghost"
              aria-expanded={checking}
              onClick={() => setChecking((c) => !c)}
              data-testid="device-check-toggle"
            >
              {checking ? t('calling.check.close') : t('calling.check.open')}
            </Button>
          </div>
          {checking ? <DeviceCheck /> : null}
        </div>
      ) : null}
    </section>
  );
};
