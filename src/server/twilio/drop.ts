import type { FastifyRequest } from 'fastify';
import type pg from 'pg';
import { ServerError } from '../errors';
import { releaseDrop, type TwilioCall, voicemailDropUrl } from './calls';
import { type CallControl, voicemailDropTwiml } from './helper';
import type { TeamTwilio } from './settings';

/**
 * Plays the rep's recorded message on the prospect's leg through Twilio's REST API; when that fails
 * the claim is given back (the rep can ask again) and the failure is thrown.
 */
export const playDrop = async (
  pool: pg.Pool,
  control: CallControl,
  settings: TeamTwilio,
  call: TwilioCall,
  request: FastifyRequest,
): Promise<void> => {
  const url = await voicemailDropUrl(pool, call.teamId, call.userId);
  try {
    if (url === null || call.prospectCallSid === null) throw new Error('no recorded message or prospect leg');
    await control.updateCall(settings, call.prospectCallSid, voicemailDropTwiml(url));
    request.log.info({ callSid: call.callSid }, 'voicemail dropped');
  } catch (error) {
    await releaseDrop(pool, call.callSid);
    request.log.error({ err: error, callSid: call.callSid }, 'voicemail drop failed');
    throw new ServerError(
      'internal',
      'Twilio did not take the voicemail drop; leave the message yourself or ask again.',
    );
  }
};
