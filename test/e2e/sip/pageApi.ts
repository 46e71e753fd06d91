import type { SipAccount } from '../../../src/shared/api/telephony-sip';
import type { TalkMetrics } from '../../../src/shared/talk/metrics';

/** What one stream carried during a measurement: seconds with sound, seconds measured, mean RMS (0..1). */
export type StreamLevel = { activeSeconds: number; seconds: number; meanRms: number };

/** How the prospect's user agent answers each call (see `prospect.register`). */
export type ProspectAnswer = 'accept' | 'accept-without-telephone-event' | 'busy';

/** The test page's API on `window.sipTest`; every method that can fail answers an error code or null. */
export type SipTestPage = {
  rep: {
    register(account: SipAccount): Promise<string | null>;
    dial(to: string): Promise<string | null>;
    hangup(): void;
    hold(held: boolean): Promise<string | null>;
    digits(digits: string): void;
    dispose(): Promise<void> | undefined;
    states(): string[];
    errors(): { code: string; message?: string }[];
    /** Quality warnings as `name:on` / `name:off`, in order. */
    warnings(): string[];
    /** The latest figures of the talk/listen meter running on the call's audio, null before the first. */
    meter(): TalkMetrics | null;
    /** The DTMF tones the call's RTCDTMFSender played (its `tonechange` events), in order. */
    tones(): string[];
  };
  prospect: {
    register(account: SipAccount, answer: ProspectAnswer, afterMs: number): Promise<string | null>;
    /** `invite`, `answered`, `info:<first line of an INFO body>`, `ended`, in order. */
    events(): string[];
    /** Mutes (disables) or unmutes the prospect's microphone track on the answered call. */
    mute(muted: boolean): void;
  };
  /** Clears the counters, waits `ms`, and answers what each stream (`rep`, `prospect`) carried meanwhile. */
  measure(ms: number): Promise<Record<string, StreamLevel>>;
  /** `PT telephone-event/RATE` of each telephone-event payload in the latest call's local and remote SDP. */
  telephoneEvents(): { local: string[]; remote: string[] };
};
