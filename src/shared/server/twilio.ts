import { z } from 'zod';

/**
 * The team server's Twilio contract (`/v1/teams/:teamId/twilio`, `/v1/twilio/…`), shared by the server
 * (which validates every body with these schemas) and the CLI's `dialdeck admin twilio set` (which
 * validates the answer). Secrets (the auth token and the API key secret) go in and never come out.
 */

/** How long a rep's Twilio access token lives, in seconds (the desktop renews it before it ends). */
export const ACCESS_TOKEN_TTL_SECONDS = 3600;

/**
 * Regions where recording a phone call needs the consent of every party, as ISO 3166-1 alpha-2
 * countries or ISO 3166-2 subdivisions. The default is the US states that the Reporters Committee for
 * Freedom of the Press's "Reporter's Recording Guide" lists as all-party-consent states for phone
 * calls: California, Connecticut (civil liability), Delaware, Florida, Illinois, Maryland,
 * Massachusetts, Michigan, Montana, Nevada, New Hampshire, Pennsylvania, Washington. A team replaces
 * the list with its own counsel's (it is a default, not legal advice).
 */
export const DEFAULT_ALL_PARTY_CONSENT_REGIONS: readonly string[] = [
  'US-CA',
  'US-CT',
  'US-DE',
  'US-FL',
  'US-IL',
  'US-MD',
  'US-MA',
  'US-MI',
  'US-MT',
  'US-NV',
  'US-NH',
  'US-PA',
  'US-WA',
];

const sid = (prefix: string, what: string) =>
  z
    .string()
    .trim()
    .regex(new RegExp(`^${prefix}[0-9a-fA-F]{32}$`), `${what} is "${prefix}" followed by 32 hex digits`);

const E164 = z
  .string()
  .trim()
  .regex(/^\+[1-9]\d{6,14}$/, 'a phone number in E.164 form, such as +14155550100');

/** A region code: `US` or `US-CA` (ISO 3166-1 alpha-2, optionally with an ISO 3166-2 subdivision). */
const RegionCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, 'a region is a country code (DE) or country-subdivision (US-CA)');

/**
 * A local-presence number: calls to leads whose number is in `country` and whose national number
 * starts with `areaCode` show `number` as caller ID (the longest matching area code wins).
 */
export const LocalPresenceNumber = z
  .object({
    country: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, 'a two-letter ISO country code such as US'),
    areaCode: z
      .string()
      .trim()
      .regex(/^\d{1,6}$/, 'the area code as digits, such as 415'),
    number: E164,
  })
  .strict();
export type LocalPresenceNumber = z.infer<typeof LocalPresenceNumber>;

/**
 * What happens to recording when the lead is in an all-party-consent region: `announce` (the prospect
 * hears `announcement` before the call is bridged, then the call is recorded) or `skip` (not recorded).
 */
export const AllPartyConsentRule = z.enum(['announce', 'skip']);
export type AllPartyConsentRule = z.infer<typeof AllPartyConsentRule>;

export const RecordingSettings = z
  .object({
    enabled: z.boolean(),
    allPartyConsent: AllPartyConsentRule.default('skip'),
    allPartyRegions: z
      .array(RegionCode)
      .max(500)
      .default([...DEFAULT_ALL_PARTY_CONSENT_REGIONS]),
    announcement: z
      .string()
      .trim()
      .min(1)
      .max(300)
      .default('This call may be recorded for quality and training.'),
  })
  .strict();
export type RecordingSettings = z.infer<typeof RecordingSettings>;

/**
 * `PUT /v1/teams/:teamId/twilio` body. The secrets (`authToken`, `apiKeySecret`) are required the first
 * time and may be left out later to keep the stored ones. `webhookBaseUrl` is the address Twilio
 * reaches this server at (as entered in the TwiML App), e.g. `https://dialer.example.com`: every
 * webhook's signature is checked against it plus the route's path and query.
 */
export const TwilioSettingsInput = z
  .object({
    accountSid: sid('AC', 'an account SID'),
    apiKeySid: sid('SK', 'an API key SID'),
    apiKeySecret: z.string().trim().min(16).max(128).optional(),
    authToken: z.string().trim().min(16).max(128).optional(),
    twimlAppSid: sid('AP', 'a TwiML App SID'),
    callerId: E164,
    localPresence: z.array(LocalPresenceNumber).max(1000).default([]),
    recording: RecordingSettings.default({
      enabled: false,
      allPartyConsent: 'skip',
      allPartyRegions: [...DEFAULT_ALL_PARTY_CONSENT_REGIONS],
      announcement: 'This call may be recorded for quality and training.',
    }),
    webhookBaseUrl: z
      .url({ protocol: /^https?$/ })
      .trim()
      .transform((url) => url.replace(/\/+$/, '')),
  })
  .strict();
export type TwilioSettingsInput = z.input<typeof TwilioSettingsInput>;
export type TwilioSettings = z.output<typeof TwilioSettingsInput>;

/** `PUT /v1/teams/:teamId/twilio` answer: the settings as stored, secrets only as "is set". */
export const TwilioSettingsOutput = z.object({
  teamId: z.uuid(),
  accountSid: z.string(),
  apiKeySid: z.string(),
  twimlAppSid: z.string(),
  callerId: z.string(),
  localPresence: z.array(LocalPresenceNumber),
  recording: RecordingSettings,
  webhookBaseUrl: z.string(),
  authTokenSet: z.boolean(),
  apiKeySecretSet: z.boolean(),
  updatedAt: z.number(),
});
export type TwilioSettingsOutput = z.infer<typeof TwilioSettingsOutput>;

/** `POST /v1/twilio/token` answer: a Voice access token (JWT) for the caller, `ttl` in seconds. */
export const TwilioTokenOutput = z.object({
  token: z.string(),
  identity: z.string(),
  ttl: z.number().int().positive(),
  expiresAt: z.number(),
});
export type TwilioTokenOutput = z.infer<typeof TwilioTokenOutput>;

/** `PUT /v1/twilio/voicemail-drop` body: the https address of the rep's recorded voicemail message. */
export const VoicemailDropInput = z
  .object({
    url: z
      .url({ protocol: /^https$/ })
      .trim()
      .max(2000),
  })
  .strict();
export type VoicemailDropInput = z.infer<typeof VoicemailDropInput>;

/** `PUT /v1/twilio/voicemail-drop` answer. */
export const VoicemailDropOutput = z.object({ userId: z.uuid(), url: z.string(), updatedAt: z.number() });
export type VoicemailDropOutput = z.infer<typeof VoicemailDropOutput>;

/**
 * `POST /v1/twilio/calls/:callSid/voicemail-drop` answer: `armed` (the message plays once the
 * prospect's voicemail greeting ends) or `dropped` (the greeting had ended: it plays now).
 */
export const DropRequestOutput = z.object({ callSid: z.string(), drop: z.enum(['armed', 'dropped']) });
export type DropRequestOutput = z.infer<typeof DropRequestOutput>;
