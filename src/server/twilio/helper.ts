import { ACCESS_TOKEN_TTL_SECONDS } from '@shared/server/twilio';
import twilio from 'twilio';
import type { TeamTwilio } from './settings';

type RequestOptions<TData> = Parameters<typeof twilio.RequestClient.prototype.request<TData>>[0];

/**
 * Everything the server asks of the `twilio` helper library, in one place: access tokens, TwiML,
 * webhook signatures and the one REST call (updating a live call).
 */

const { AccessToken } = twilio.jwt;
const { VoiceGrant } = AccessToken;

/**
 * A Voice access token (JWT signed with the team's API key secret) for `identity` (the user id):
 * a VoiceGrant for outgoing calls through the team's TwiML App and incoming calls to the identity.
 * Lives `ACCESS_TOKEN_TTL_SECONDS` (1 h; the Voice SDK's `tokenWillExpire` asks for the next one).
 */
export const voiceAccessToken = (settings: TeamTwilio, identity: string): string => {
  const token = new AccessToken(settings.accountSid, settings.apiKeySid, settings.apiKeySecret, {
    identity,
    ttl: ACCESS_TOKEN_TTL_SECONDS,
  });
  token.addGrant(new VoiceGrant({ outgoingApplicationSid: settings.twimlAppSid, incomingAllow: true }));
  return token.toJwt();
};

/** The progress events of the prospect's leg the server is told about. */
const PROSPECT_EVENTS = ['initiated', 'ringing', 'answered', 'completed'] as const;

/** What the voice webhook bridges: the number, its caller ID, recording, and the callback addresses. */
export type DialPlan = {
  to: string;
  callerId: string;
  record: boolean;
  /** TwiML address played to the prospect before bridging (the recording announcement), or null. */
  announceUrl: string | null;
  statusUrl: string;
  /** Where Twilio reports the finished recording (used when `record`). */
  recordingUrl: string;
  /** The AMD callback address when a voicemail drop is possible (the rep has a message), else null. */
  amdUrl: string | null;
};

/**
 * `<Dial answerOnBridge="true" callerId=… [record="record-from-answer-dual"]><Number …>` for the plan:
 * answerOnBridge keeps the rep's leg ringing until the prospect answers, so "ringing" and "connected"
 * mean the prospect's leg; answering-machine detection `DetectMessageEnd` (asynchronous with
 * `<Dial><Number>`) reports when a voicemail greeting ends, for the voicemail drop.
 */
export const dialTwiml = (plan: DialPlan): string => {
  const response = new twilio.twiml.VoiceResponse();
  const dial = response.dial({
    answerOnBridge: true,
    callerId: plan.callerId,
    ...(plan.record
      ? {
          record: 'record-from-answer-dual' as const,
          recordingStatusCallback: plan.recordingUrl,
          recordingStatusCallbackMethod: 'POST',
          recordingStatusCallbackEvent: ['completed' as const],
        }
      : {}),
  });
  dial.number(
    {
      statusCallback: plan.statusUrl,
      statusCallbackMethod: 'POST',
      statusCallbackEvent: [...PROSPECT_EVENTS],
      ...(plan.announceUrl ? { url: plan.announceUrl, method: 'POST' } : {}),
      ...(plan.amdUrl
        ? {
            machineDetection: 'DetectMessageEnd',
            amdStatusCallback: plan.amdUrl,
            amdStatusCallbackMethod: 'POST',
          }
        : {}),
    },
    plan.to,
  );
  return response.toString();
};

/** `<Say>` the recording announcement (played to the prospect before the call is bridged). */
export const announcementTwiml = (text: string): string => {
  const response = new twilio.twiml.VoiceResponse();
  response.say(text);
  return response.toString();
};

/** `<Play>` the rep's recorded message, then hang up: the prospect's leg after a voicemail drop. */
export const voicemailDropTwiml = (url: string): string => {
  const response = new twilio.twiml.VoiceResponse();
  response.play(url);
  response.hangup();
  return response.toString();
};

/**
 * Whether `signature` (the X-Twilio-Signature header) is Twilio's signature of `url` (the exact public
 * address Twilio was given: base + path + query) and `params` (the form fields) with `authToken`.
 */
export const isTwilioSignature = (
  authToken: string,
  signature: string | undefined,
  url: string,
  params: Record<string, string>,
): boolean =>
  signature !== undefined && signature !== '' && twilio.validateRequest(authToken, signature, url, params);

/**
 * The one Twilio REST call the server makes: replace a live call's TwiML (`calls(sid).update({twiml})`).
 * An interface, so tests stand in for Twilio's cloud.
 */
export type CallControl = {
  updateCall: (settings: TeamTwilio, callSid: string, twiml: string) => Promise<void>;
};

/**
 * Sends the helper's requests to `origin` instead of Twilio's API hosts, keeping path, query, form and
 * auth as the helper made them: for tests that stand in for Twilio's cloud.
 */
class RedirectedRequestClient extends twilio.RequestClient {
  constructor(private readonly origin: string) {
    super();
  }

  override request<TData>(opts: RequestOptions<TData>) {
    const target = new URL(opts.uri);
    const origin = new URL(this.origin);
    target.protocol = origin.protocol;
    target.host = origin.host;
    return super.request<TData>({ ...opts, uri: target.toString() });
  }
}

/**
 * The helper library's REST client, authenticated with the team's API key. `apiOrigin`, when set,
 * sends its requests to a stand-in for Twilio's cloud (tests only; see `DIALDECK_SERVER_TEST_TWILIO_API`).
 */
export const twilioCallControl = (apiOrigin: string | null): CallControl => ({
  updateCall: async (settings, callSid, twiml) => {
    const client = twilio(settings.apiKeySid, settings.apiKeySecret, {
      accountSid: settings.accountSid,
      ...(apiOrigin ? { httpClient: new RedirectedRequestClient(apiOrigin) } : {}),
    });
    await client.calls(callSid).update({ twiml });
  },
});
