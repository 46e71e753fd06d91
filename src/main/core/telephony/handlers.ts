import type { SipSettingsView } from '@shared/api/telephony-sip';
import { TwilioTokenOutput } from '@shared/server/twilio';
import type { CoreContext } from '../context';
import { AppError } from '../errors';
import type { Handlers } from '../handlers';
import { readSetting, writeSetting } from '../settings/repo';
import { writeNow } from '../store/write-lock';
import type { TokenStore } from '../sync/credentials';
import { postSync } from '../sync/http';
import type { SecretStore } from './secrets';

type TelephonyHandlers = Pick<
  Handlers,
  | 'telephony.sipSettings'
  | 'telephony.saveSipSettings'
  | 'telephony.forgetSipSettings'
  | 'telephony.sipAccount'
  | 'telephony.twilioToken'
>;

/**
 * The calling providers' accounts. The SIP settings live in the settings table (`telephony.sip`), the
 * SIP password in `secrets`; the Twilio token is fetched from the team server with the sync sign-in
 * in `tokens`. Errors: `telephony_sip_password_missing`, `telephony_sip_not_set_up`,
 * `sync_not_signed_in`, and the team server's (`twilio_not_configured`, `unauthorized`,
 * `server_unreachable`).
 */
export const createTelephonyHandlers = (
  { db, events }: CoreContext,
  { secrets, tokens }: { secrets: SecretStore; tokens: TokenStore },
): TelephonyHandlers => {
  const view = (): SipSettingsView => ({
    settings: readSetting(db, 'telephony.sip'),
    passwordSet: secrets.read('sip.password') !== null,
  });
  return {
    'telephony.sipSettings': () => view(),
    'telephony.saveSipSettings': ({ settings, password }) => {
      if (password === undefined && secrets.read('sip.password') === null) {
        throw new AppError(
          'telephony_sip_password_missing',
          'Enter the SIP password: none is saved on this computer yet.',
        );
      }
      if (password !== undefined) secrets.write('sip.password', password);
      writeNow(db, () => writeSetting(db, 'telephony.sip', settings));
      events.emit('settings:changed', {});
      return view();
    },
    'telephony.forgetSipSettings': () => {
      secrets.clear('sip.password');
      writeNow(db, () => writeSetting(db, 'telephony.sip', null));
      events.emit('settings:changed', {});
      return view();
    },
    'telephony.sipAccount': () => {
      const settings = readSetting(db, 'telephony.sip');
      const password = secrets.read('sip.password');
      if (settings === null || password === null) {
        throw new AppError(
          'telephony_sip_not_set_up',
          'SIP calling is not set up on this computer. Enter the SIP server, address and password in Settings.',
        );
      }
      return { ...settings, password };
    },
    'telephony.twilioToken': async () => {
      const credentials = tokens.read();
      if (credentials === null) {
        throw new AppError(
          'sync_not_signed_in',
          'Calling through Twilio needs the team server: sign in to it first (Sync in the top bar).',
        );
      }
      return postSync(credentials, '/v1/twilio/token', {}, TwilioTokenOutput);
    },
  };
};
