import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type pg from 'pg';
import { poolOf, type ServerContext } from '../context';
import { ServerError } from '../errors';
import {
  applyAmd,
  applyRecording,
  applyStatus,
  findCall,
  findLead,
  findUser,
  recordCall,
  type TwilioCall,
  voicemailDropUrl,
} from '../twilio/calls';
import { callerIdFor, placeOf, recordingFor } from '../twilio/dial';
import { playDrop } from '../twilio/drop';
import { announcementTwiml, type CallControl, dialTwiml, isTwilioSignature } from '../twilio/helper';
import { type TeamTwilio, teamTwilio } from '../twilio/settings';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CALL_SID = /^CA[0-9a-f]{32}$/i;

/** A webhook's form fields (`twilioRoutes`' form parser makes them), as strings. */
const formOf = (body: unknown): Record<string, string> => {
  if (body === null || typeof body !== 'object') return {};
  return Object.fromEntries(
    Object.entries(body as Record<string, unknown>).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
};

/**
 * Checks a webhook came from the team's Twilio account: X-Twilio-Signature over the exact public
 * address (the team's `webhookBaseUrl` + the path and query as requested) and the form fields, with
 * the team's auth token, and `AccountSid` the team's. Anything else is 403 `twilio_signature_invalid`,
 * before anything is stored.
 */
const verifyWebhook = (
  settings: TeamTwilio | null,
  request: FastifyRequest,
  params: Record<string, string>,
): TeamTwilio => {
  const signature = request.headers['x-twilio-signature'];
  const valid =
    settings !== null &&
    params.AccountSid === settings.accountSid &&
    isTwilioSignature(
      settings.authToken,
      typeof signature === 'string' ? signature : undefined,
      `${settings.webhookBaseUrl}${request.url}`,
      params,
    );
  if (!valid || settings === null) {
    throw new ServerError(
      'twilio_signature_invalid',
      "This request is not signed by the team's Twilio account for this address. Check the team's auth token and webhook address (dialdeck admin twilio set).",
    );
  }
  return settings;
};

/** The call a callback names (`?call=` in the address we gave Twilio, else the leg's own or parent CallSid) and its team's settings. */
const callOfWebhook = async (
  pool: pg.Pool,
  request: FastifyRequest,
  params: Record<string, string>,
): Promise<{ call: TwilioCall | null; settings: TeamTwilio | null }> => {
  const query = request.query as Record<string, unknown>;
  const named = typeof query.call === 'string' ? query.call : (params.ParentCallSid ?? params.CallSid ?? '');
  const call = CALL_SID.test(named) ? await findCall(pool, named) : null;
  return { call, settings: call ? await teamTwilio(pool, call.teamId) : null };
};

/**
 * Webhook requests a minute per client address (`DIALDECK_SERVER_TWILIO_WEBHOOK_LIMIT`, default 1200):
 * a bound on forged floods, counted before the signature is checked, generous because Twilio's
 * requests for every team come from a shared set of addresses.
 */
const webhookLimit = (): number => {
  const set = Number(process.env.DIALDECK_SERVER_TWILIO_WEBHOOK_LIMIT);
  return Number.isInteger(set) && set > 0 ? set : 1200;
};

const xml = (reply: FastifyReply, twiml: string) =>
  reply.code(200).type('text/xml; charset=utf-8').send(twiml);

/**
 * Twilio's webhooks, form-encoded (the parser is registered by `twilioRoutes`) and signature-checked
 * (403 `twilio_signature_invalid`, nothing stored), rate-limited per client address:
 * `POST /v1/twilio/voice` (TwiML for the rep's call), `/v1/twilio/status` (call progress → the call
 * activity), `/v1/twilio/amd` (answering-machine verdict → voicemail drop through `control`),
 * `/v1/twilio/recording` (where the dual-channel recording is), `/v1/twilio/announce` (the recording
 * announcement). See docs/server.md "Twilio".
 */
export const twilioWebhookRoutes = (
  app: FastifyInstance,
  context: ServerContext,
  control: CallControl,
): void => {
  const webhook = { access: 'public' as const, rateLimit: { max: webhookLimit(), timeWindow: 60_000 } };

  app.post('/v1/twilio/voice', { config: webhook }, async (request, reply) => {
    const pool = poolOf(context);
    const params = formOf(request.body);
    const identity = (params.From ?? params.Caller ?? '').replace(/^client:/, '');
    const user = UUID.test(identity) ? await findUser(pool, identity) : null;
    const settings = verifyWebhook(user ? await teamTwilio(pool, user.teamId) : null, request, params);
    if (user === null) throw new ServerError('forbidden', 'The caller is not a user of this server.');
    const callSid = params.CallSid ?? '';
    const leadId = params.LeadId ?? '';
    if (!CALL_SID.test(callSid) || !UUID.test(leadId)) {
      throw new ServerError(
        'invalid_input',
        'The call needs a CallSid and a LeadId (the lead to call, a UUID).',
      );
    }
    const lead = await findLead(pool, user.teamId, leadId.toLowerCase());
    if (lead === null || lead.ownerId !== identity.toLowerCase()) {
      throw new ServerError(
        'forbidden',
        'This lead is not assigned to you, so the server does not place the call.',
      );
    }
    const to = params.To ? params.To.trim() : lead.phones[0];
    if (to === undefined || !lead.phones.includes(to)) {
      throw new ServerError(
        'invalid_input',
        `The number to call must be one of the lead's numbers (${lead.phones.join(', ') || 'none on file'}).`,
      );
    }
    const { callerId } = callerIdFor(to, settings.localPresence, settings.callerId);
    const decision = recordingFor(settings.recording, placeOf(lead.fields, to));
    const dropUrl = await voicemailDropUrl(pool, user.teamId, identity.toLowerCase());
    const call = await recordCall(pool, {
      callSid,
      teamId: user.teamId,
      leadId: leadId.toLowerCase(),
      userId: identity.toLowerCase(),
      to,
      callerId,
      recorded: decision.record,
      dropRequested: params.VoicemailDrop === 'true',
      createdAt: Date.now(),
    });
    request.log.info({ callSid, recording: decision.reason }, 'twilio call bridged');
    const base = settings.webhookBaseUrl;
    return xml(
      reply,
      dialTwiml({
        to: call.to,
        callerId: call.callerId,
        record: call.recorded,
        announceUrl: call.recorded && decision.announce ? `${base}/v1/twilio/announce?call=${callSid}` : null,
        statusUrl: `${base}/v1/twilio/status?call=${callSid}`,
        recordingUrl: `${base}/v1/twilio/recording?call=${callSid}`,
        amdUrl: dropUrl === null ? null : `${base}/v1/twilio/amd?call=${callSid}`,
      }),
    );
  });

  app.post('/v1/twilio/status', { config: webhook }, async (request, reply) => {
    const pool = poolOf(context);
    const params = formOf(request.body);
    const { call, settings } = await callOfWebhook(pool, request, params);
    verifyWebhook(settings, request, params);
    const callSid = params.CallSid ?? '';
    const status = params.CallStatus ?? '';
    if (call === null || !CALL_SID.test(callSid) || !/^[a-z-]{1,20}$/.test(status)) {
      throw new ServerError(
        'invalid_input',
        'A status callback needs a known call, its CallSid and CallStatus.',
      );
    }
    const duration = Number(params.CallDuration ?? params.DialCallDuration ?? Number.NaN);
    await applyStatus(
      pool,
      call.callSid,
      { callSid, status, durationSeconds: Number.isFinite(duration) ? Math.round(duration) : null, params },
      Date.now(),
    );
    return reply.code(204).send();
  });

  app.post('/v1/twilio/amd', { config: webhook }, async (request, reply) => {
    const pool = poolOf(context);
    const params = formOf(request.body);
    const { call, settings } = await callOfWebhook(pool, request, params);
    const team = verifyWebhook(settings, request, params);
    const prospectCallSid = params.CallSid ?? '';
    const answeredBy = params.AnsweredBy ?? '';
    if (call === null || !CALL_SID.test(prospectCallSid) || !/^[a-z_]{1,30}$/.test(answeredBy)) {
      throw new ServerError(
        'invalid_input',
        'An AMD callback needs a known call, its CallSid and AnsweredBy.',
      );
    }
    const applied = await applyAmd(pool, call.callSid, prospectCallSid, answeredBy, params, Date.now());
    if (applied?.drop) await playDrop(pool, control, team, applied.call, request);
    return reply.code(204).send();
  });

  app.post('/v1/twilio/recording', { config: webhook }, async (request, reply) => {
    const pool = poolOf(context);
    const params = formOf(request.body);
    const { call, settings } = await callOfWebhook(pool, request, params);
    verifyWebhook(settings, request, params);
    const sid = params.RecordingSid ?? '';
    const url = params.RecordingUrl ?? '';
    if (call === null || !/^RE[0-9a-f]{32}$/i.test(sid) || !/^https:\/\//.test(url)) {
      throw new ServerError(
        'invalid_input',
        'A recording callback needs a known call, its RecordingSid and RecordingUrl.',
      );
    }
    if (params.RecordingStatus === 'completed') {
      const duration = Number(params.RecordingDuration);
      const channels = Number(params.RecordingChannels);
      await applyRecording(
        pool,
        call.callSid,
        {
          sid,
          url,
          durationSeconds: Number.isInteger(duration) ? duration : null,
          channels: Number.isInteger(channels) ? channels : null,
        },
        Date.now(),
      );
    }
    return reply.code(204).send();
  });

  app.post('/v1/twilio/announce', { config: webhook }, async (request, reply) => {
    const pool = poolOf(context);
    const params = formOf(request.body);
    const { settings } = await callOfWebhook(pool, request, params);
    const team = verifyWebhook(settings, request, params);
    return xml(reply, announcementTwiml(team.recording.announcement));
  });
};
