import {
  type LocalPresenceNumber,
  RecordingSettings,
  type TwilioSettings,
  type TwilioSettingsOutput,
} from '@shared/server/twilio';
import type pg from 'pg';
import { ServerError } from '../errors';
import { inTransaction } from '../store/teams';
import { openSecret, sealSecret } from './secret-box';

/** Where a team's Twilio secret is stored, as the context its encryption is bound to. */
const secretContext = (teamId: string, column: 'auth_token' | 'api_key_secret'): string =>
  `twilio_secrets/${teamId}/${column}`;

/** A team's Twilio settings with its secrets, for the server's own use only (never answered). */
export type TeamTwilio = Omit<TwilioSettingsOutput, 'authTokenSet' | 'apiKeySecretSet'> & {
  authToken: string;
  apiKeySecret: string;
};

type SettingsRow = {
  team_id: string;
  account_sid: string;
  api_key_sid: string;
  twiml_app_sid: string;
  caller_id: string;
  local_presence: LocalPresenceNumber[];
  recording: unknown;
  webhook_base_url: string;
  updated_at: string;
  auth_token: string | null;
  api_key_secret: string | null;
};

const SELECT = `SELECT s.team_id, s.account_sid, s.api_key_sid, s.twiml_app_sid, s.caller_id, s.local_presence,
                       s.recording, s.webhook_base_url, s.updated_at, k.auth_token, k.api_key_secret
                  FROM twilio_settings s LEFT JOIN twilio_secrets k ON k.team_id = s.team_id
                 WHERE s.team_id = $1`;

const publicOf = (row: SettingsRow): TwilioSettingsOutput => ({
  teamId: row.team_id,
  accountSid: row.account_sid,
  apiKeySid: row.api_key_sid,
  twimlAppSid: row.twiml_app_sid,
  callerId: row.caller_id,
  localPresence: row.local_presence,
  recording: RecordingSettings.parse(row.recording),
  webhookBaseUrl: row.webhook_base_url,
  authTokenSet: row.auth_token !== null,
  apiKeySecretSet: row.api_key_secret !== null,
  updatedAt: Number(row.updated_at),
});

/**
 * Stores a team's Twilio settings (a full replacement of everything but the secrets) and, when given,
 * its secrets; secrets left out keep the stored ones. The secrets are written encrypted
 * (`sealSecret`, AES-256-GCM under the server key), a kept one re-encrypted, so a row written before
 * encryption is encrypted on its next write. Answers the settings without the secrets. Throws
 * `not_found` for an unknown team, `invalid_input` when a secret is missing on the first set and
 * `secret_key_mismatch` when a kept secret cannot be decrypted (giving both secrets again replaces it).
 */
export const saveTwilioSettings = (
  pool: pg.Pool,
  teamId: string,
  input: TwilioSettings,
  now: number,
): Promise<TwilioSettingsOutput> =>
  inTransaction(pool, async (client) => {
    const team = await client.query('SELECT 1 FROM teams WHERE id = $1 FOR UPDATE', [teamId]);
    if (team.rowCount === 0)
      throw new ServerError('not_found', `There is no team ${teamId}. Check the team id.`);
    const stored = await client.query<{ auth_token: string; api_key_secret: string }>(
      'SELECT auth_token, api_key_secret FROM twilio_secrets WHERE team_id = $1',
      [teamId],
    );
    const kept = stored.rows[0];
    const authToken =
      input.authToken ?? (kept && openSecret(kept.auth_token, secretContext(teamId, 'auth_token')));
    const apiKeySecret =
      input.apiKeySecret ??
      (kept && openSecret(kept.api_key_secret, secretContext(teamId, 'api_key_secret')));
    if (authToken === undefined || apiKeySecret === undefined) {
      throw new ServerError(
        'invalid_input',
        "The first Twilio set-up needs the account's auth token and the API key's secret (--auth-token, --api-key-secret). Copy them from the Twilio console.",
      );
    }
    await client.query(
      `INSERT INTO twilio_settings (team_id, account_sid, api_key_sid, twiml_app_sid, caller_id, local_presence,
         recording, webhook_base_url, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (team_id) DO UPDATE SET account_sid = $2, api_key_sid = $3, twiml_app_sid = $4,
         caller_id = $5, local_presence = $6, recording = $7, webhook_base_url = $8, updated_at = $9`,
      [
        teamId,
        input.accountSid,
        input.apiKeySid,
        input.twimlAppSid,
        input.callerId,
        JSON.stringify(input.localPresence),
        JSON.stringify(input.recording),
        input.webhookBaseUrl,
        now,
      ],
    );
    await client.query(
      `INSERT INTO twilio_secrets (team_id, auth_token, api_key_secret, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (team_id) DO UPDATE SET auth_token = $2, api_key_secret = $3, updated_at = $4`,
      [
        teamId,
        sealSecret(authToken, secretContext(teamId, 'auth_token')),
        sealSecret(apiKeySecret, secretContext(teamId, 'api_key_secret')),
        now,
      ],
    );
    const { rows } = await client.query<SettingsRow>(SELECT, [teamId]);
    const row = rows[0];
    if (!row) throw new ServerError('internal', 'The Twilio settings just stored could not be read back.');
    return publicOf(row);
  });

/**
 * A team's Twilio settings with its secrets decrypted (`openSecret`; a row written before encryption
 * is read as it is), or null when the team has none. Throws `secret_key_mismatch` when the server's
 * key is missing or is not the one they were encrypted under.
 */
export const teamTwilio = async (
  pool: pg.Pool | pg.PoolClient,
  teamId: string,
): Promise<TeamTwilio | null> => {
  const { rows } = await pool.query<SettingsRow>(SELECT, [teamId]);
  const row = rows[0];
  if (!row || row.auth_token === null || row.api_key_secret === null) return null;
  const { authTokenSet: _a, apiKeySecretSet: _b, ...settings } = publicOf(row);
  return {
    ...settings,
    authToken: openSecret(row.auth_token, secretContext(teamId, 'auth_token')),
    apiKeySecret: openSecret(row.api_key_secret, secretContext(teamId, 'api_key_secret')),
  };
};

/** `teamTwilio`, or `twilio_not_configured` (409) when the team has no Twilio set-up yet. */
export const requireTeamTwilio = async (pool: pg.Pool, teamId: string): Promise<TeamTwilio> => {
  const settings = await teamTwilio(pool, teamId);
  if (settings === null) {
    throw new ServerError(
      'twilio_not_configured',
      "This team has no Twilio set-up yet. Ask your manager to run `dialdeck admin twilio set` with the team's Twilio account.",
    );
  }
  return settings;
};
