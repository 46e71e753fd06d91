import { z } from 'zod';
import { TwilioTokenOutput } from '../server/twilio';
import { method } from './contract';
import { SaveSipSettingsInput, SipAccount, SipSettingsView } from './telephony-sip';

/** The calling providers' accounts: the rep's SIP account and the Twilio access token from the team server. */
export const telephonyAccountMethods = {
  /** The SIP settings form's values; the password only as "is set". */
  'telephony.sipSettings': method(z.object({}), SipSettingsView),
  /**
   * Saves the SIP settings, the password into the keychain. Errors: `invalid_input` (not a wss:// address
   * or not a sip: URI), `telephony_sip_password_missing` (no password given and none saved).
   */
  'telephony.saveSipSettings': method(SaveSipSettingsInput, SipSettingsView),
  /** Forgets the SIP settings and the saved password on this computer. */
  'telephony.forgetSipSettings': method(z.object({}), SipSettingsView),
  /**
   * What the SIP provider registers with, password included (SIP.js runs in the renderer). Errors:
   * `telephony_sip_not_set_up` (no settings or no password saved yet).
   */
  'telephony.sipAccount': method(z.object({}), SipAccount),
  /**
   * A Twilio Voice access token for the signed-in rep, fetched by the core from the team server's
   * `POST /v1/twilio/token` with the sync sign-in (the renderer never holds the server token).
   * Errors: `sync_not_signed_in`, `twilio_not_configured`, `server_unreachable`, `unauthorized`.
   */
  'telephony.twilioToken': method(z.object({}), TwilioTokenOutput),
};
