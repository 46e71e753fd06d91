import {
  ACCESS_TOKEN_TTL_SECONDS,
  type DropRequestOutput,
  TwilioSettingsInput,
  type TwilioTokenOutput,
  VoicemailDropInput,
  type VoicemailDropOutput,
} from '@shared/server/twilio';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseBody, principalOf, teamIdParam } from '../access';
import type { Principal } from '../auth/principal';
import { poolOf, type ServerContext } from '../context';
import { ServerError } from '../errors';
import { findCall, requestDrop, saveVoicemailDrop, voicemailDropUrl } from '../twilio/calls';
import { playDrop } from '../twilio/drop';
import { twilioCallControl, voiceAccessToken } from '../twilio/helper';
import { requireTeamTwilio, saveTwilioSettings, teamTwilio } from '../twilio/settings';
import { twilioWebhookRoutes } from './twilio-webhooks';

const CALL_SID = /^CA[0-9a-f]{32}$/i;
const MEMBERS = { callers: ['rep', 'ae', 'manager'] } as const;

const userOf = (request: FastifyRequest): Extract<Principal, { kind: 'user' }> => {
  const principal = principalOf(request);
  if (principal.kind !== 'user') throw new ServerError('forbidden', 'Only a team member may do this.');
  return principal;
};

/**
 * Twilio on the server (docs/server.md "Twilio"):
 * - `PUT /v1/teams/:teamId/twilio` (administrator, or a manager of that team) `TwilioSettingsInput` →
 *   `TwilioSettingsOutput` (secrets never answered); `GET` the same answer, 404 before a set-up;
 * - `POST /v1/twilio/token` (a team member) → `TwilioTokenOutput`; 409 `twilio_not_configured`;
 * - `PUT /v1/twilio/voicemail-drop` (a team member) `VoicemailDropInput` → `VoicemailDropOutput`;
 * - `POST /v1/twilio/calls/:callSid/voicemail-drop` (the call's rep) → `DropRequestOutput`;
 * - Twilio's webhooks (`twilio-webhooks.ts`), form-encoded and signature-checked (403
 *   `twilio_signature_invalid`, nothing stored): `POST /v1/twilio/voice` (TwiML for the rep's call), `/v1/twilio/status` (call progress
 *   → the call activity), `/v1/twilio/amd` (answering-machine verdict → voicemail drop),
 *   `/v1/twilio/recording` (where the dual-channel recording is), `/v1/twilio/announce` (the
 *   recording announcement).
 * `control` is Twilio's REST API; with the test routes on, `DIALDECK_SERVER_TEST_TWILIO_API` sends its
 * requests to a stand-in for Twilio's cloud.
 */
export const twilioRoutes = async (app: FastifyInstance, context: ServerContext): Promise<void> => {
  const standIn = context.testRoutes ? (process.env.DIALDECK_SERVER_TEST_TWILIO_API ?? null) : null;
  const control = twilioCallControl(standIn || null);

  // Twilio posts application/x-www-form-urlencoded; Fastify parses only JSON by itself.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 64 * 1024 },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );

  app.put(
    '/v1/teams/:teamId/twilio',
    { config: { access: { callers: ['admin', 'manager'], sameTeam: true } } },
    async (request) => {
      const teamId = teamIdParam(request);
      return saveTwilioSettings(
        poolOf(context),
        teamId,
        parseBody(TwilioSettingsInput, request.body),
        Date.now(),
      );
    },
  );

  app.get(
    '/v1/teams/:teamId/twilio',
    { config: { access: { callers: ['admin', 'manager'], sameTeam: true } } },
    async (request) => {
      const teamId = teamIdParam(request);
      const settings = await teamTwilio(poolOf(context), teamId);
      if (settings === null)
        throw new ServerError('not_found', 'This team has no Twilio set-up yet (dialdeck admin twilio set).');
      const { authToken: _t, apiKeySecret: _s, ...shown } = settings;
      return { ...shown, authTokenSet: true, apiKeySecretSet: true };
    },
  );

  app.post('/v1/twilio/token', { config: { access: MEMBERS } }, async (request) => {
    const user = userOf(request);
    const settings = await requireTeamTwilio(poolOf(context), user.teamId);
    const now = Date.now();
    const answer: TwilioTokenOutput = {
      token: voiceAccessToken(settings, user.userId),
      identity: user.userId,
      ttl: ACCESS_TOKEN_TTL_SECONDS,
      expiresAt: now + ACCESS_TOKEN_TTL_SECONDS * 1000,
    };
    return answer;
  });

  app.put('/v1/twilio/voicemail-drop', { config: { access: MEMBERS } }, async (request) => {
    const user = userOf(request);
    const { url } = parseBody(VoicemailDropInput, request.body);
    const now = Date.now();
    await saveVoicemailDrop(poolOf(context), user.teamId, user.userId, url, now);
    const answer: VoicemailDropOutput = { userId: user.userId, url, updatedAt: now };
    return answer;
  });

  app.post('/v1/twilio/calls/:callSid/voicemail-drop', { config: { access: MEMBERS } }, async (request) => {
    const user = userOf(request);
    const pool = poolOf(context);
    const callSid = String((request.params as { callSid?: unknown }).callSid ?? '');
    const call = CALL_SID.test(callSid) ? await findCall(pool, callSid) : null;
    if (call === null || call.teamId !== user.teamId || call.userId !== user.userId) {
      throw new ServerError('not_found', `You have no Twilio call ${callSid}. Check the call's CallSid.`);
    }
    if ((await voicemailDropUrl(pool, user.teamId, user.userId)) === null) {
      throw new ServerError(
        'invalid_input',
        'Record your voicemail message first (PUT /v1/twilio/voicemail-drop), then drop it.',
      );
    }
    const asked = await requestDrop(pool, callSid, Date.now());
    if (asked === null) throw new ServerError('not_found', `You have no Twilio call ${callSid}.`);
    if (asked.drop)
      await playDrop(pool, control, await requireTeamTwilio(pool, user.teamId), asked.call, request);
    const answer: DropRequestOutput = {
      callSid,
      drop: asked.drop || asked.call.droppedAt !== null ? 'dropped' : 'armed',
    };
    return answer;
  });

  twilioWebhookRoutes(app, context, control);
};
