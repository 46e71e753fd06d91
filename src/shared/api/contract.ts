import { z } from 'zod';

/** One API method: the schema of what it takes and of what it gives back. */
export type MethodDef = { input: z.ZodType; output: z.ZodType };

export const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

/** Stable error codes a caller can meet; the message says what to do. */
export const ErrorCode = z.enum([
  'invalid_input',
  'not_found',
  'unknown_method',
  'conflict',
  'store_newer_version',
  'store_disk_full',
  'store_read_only',
  'store_busy',
  'store_corrupt',
  'store_not_a_database',
  'store_permission_denied',
  'store_empty_file',
  'store_io_error',
  /** A file the user named (an import's input, an export's target) or the data folder; params `{ path }`. */
  'file_not_found',
  'file_folder_not_found',
  'file_is_directory',
  'file_permission_denied',
  'file_read_only',
  'file_disk_full',
  'file_io_error',
  'data_dir_not_directory',
  'import_empty_file',
  'import_too_large',
  'import_not_csv',
  'import_no_header',
  'import_no_name_column',
  'import_wrong_delimiter',
  'import_ragged_rows',
  'import_busy',
  'import_unreadable',
  'forbidden',
  'not_built',
  /** A stored setting failed its schema; it is left untouched (details: `{ key, reason }`). */
  'settings_unreadable',
  /** The call on screen has an outcome already (params: `activityId`); void it to log another. */
  'outcome_already_logged',
  /** The call id was made for another lead than the one named (the screen moved on). */
  'call_lead_mismatch',
  /** The outcome is void already. */
  'outcome_already_void',
  /** A later activity on the lead depends on this outcome; void the newer ones first. */
  'outcome_void_superseded',
  /** Only logged calls can be voided, not task completions or notes. */
  'outcome_not_voidable',
  /** The lead or one of its numbers is on the do-not-contact list: no dial and no outcome. */
  'lead_do_not_contact',
  /** A hand-off was asked for with fewer BANT criteria confirmed than the team's gate (details: `{ confirmed, required }`). */
  'handoff_bant_gate',
  /** The lead, or one of its numbers or its email, is on the do-not-contact list: it is never handed off. */
  'handoff_do_not_contact',
  /** The lead is an MQL already, or further along (SQL, opportunity, won). */
  'handoff_already_handed_off',
  /** The lead is lost or disqualified; move it back to nurture or working first. */
  'handoff_lead_closed',
  /** A script uses a `{{name}}` that is not a script variable, or leaves braces open (details: `{ problems }`). */
  'script_unknown_variable',
  /** A do-not-contact value that is not a phone number, email address or email domain of the kind named (details `{ kind, value }`). */
  'dnc_invalid_value',
  /** Text to time has nothing in it to read aloud. */
  'script_empty_text',
  /** A built-in email template is read-only: duplicate it to edit (params `{ id }`). */
  'email_template_builtin',
  /**
   * A signed-in rep or AE tried to change a team definition (a team script, a cadence, the outcome set)
   * or to take an entry off the do-not-contact list: the team's manager edits them in the console.
   */
  'team_definition_read_only',
  /** A snooze must end after now; pick a later time or a duration. */
  'snooze_not_future',
  /** A number typed on the lead panel is not a phone number in the lead's country (params: `{ value }`). */
  'lead_phone_invalid',
  /** A `tel:`/`callto:` link holds no phone number Dialdeck can dial (params: `{ value }`). */
  'phone_link_invalid',
  /** The same number (and extension) is given twice for one lead (params: `{ value }`). */
  'lead_phone_duplicate',
  /** The number named is not one of the lead's numbers (params: `{ value }`). */
  'lead_phone_not_on_lead',
  /** Not an IANA time zone name this system knows, such as America/New_York (params: `{ value }`). */
  'lead_time_zone_invalid',
  /** A server request carried no bearer token, or one the server does not know or has revoked. */
  'unauthorized',
  /** Too many requests to a rate-limited server route (sign-in, admin tokens); wait and retry. */
  'rate_limited',
  /** The CLI could not reach the team server at the given URL (params `{ url }`). */
  'server_unreachable',
  /** The team server cannot reach its PostgreSQL, or it is older than 15. */
  'server_database_unreachable',
  /** Another server process already runs on this server data folder (params `{ path }`). */
  'server_data_dir_in_use',
  /** The embedded PostgreSQL could not be initialised or started (params `{ path }`). */
  'server_embedded_failed',
  /** A user with this email is on the team already. */
  'user_email_taken',
  /** The team server speaks a newer sync protocol than this Dialdeck; update it (the outbox is kept). */
  'sync_protocol_outdated',
  /** A pushed change's clock stamp is too far ahead of the server's clock (params `{ aheadSeconds }`). */
  'sync_clock_skew',
  /** A pushed change the server can never apply: unknown name or args not of its shape. */
  'sync_mutation_invalid',
  /** `dialdeck sync` before `dialdeck login` on this data folder. */
  'sync_not_signed_in',
  /** An AE decides a hand-off routed to another AE (or to none). */
  'handoff_not_yours',
  /** The hand-off was accepted or rejected already; a decision is final. */
  'handoff_already_decided',
  /** A hand-off is rejected without a reason (the rep needs it to nurture the lead). */
  'handoff_reason_required',
  /** An inbound lead not signed with its team's inbound secret, or naming no known team. */
  'inbound_signature_invalid',
  /** An inbound lead whose signed timestamp is more than five minutes from the server's clock. */
  'inbound_timestamp_stale',
  /** An inbound lead whose signed request was received before (a replay); it is not stored again. */
  'inbound_replayed',
  /** The team has no Twilio set-up on the server yet; a manager runs `dialdeck admin twilio set`. */
  'twilio_not_configured',
  /** A Twilio webhook whose X-Twilio-Signature does not match the team's auth token and address. */
  'twilio_signature_invalid',
  /**
   * The server cannot decrypt the secrets it keeps (a team's Twilio auth token / API key secret): its
   * key (`DIALDECK_SECRET_KEY`, or the key file in its data folder) is missing, malformed or not the one
   * they were encrypted under.
   */
  'secret_key_mismatch',
  /** The team server's address given to sign in is not an http:// or https:// address (params `{ value }`). */
  'sync_server_url_invalid',
  /** Signing in as another user while the signed-in one's changes wait (params: `{ email, count }`). */
  'sync_other_user',
  /** A pushed lead edit of a lead the team server has not assigned to the pusher (rep or AE). */
  'sync_lead_not_yours',
  /** A pushed lead edit of a lead the team server does not hold. */
  'sync_lead_unknown',
  /** A pushed owner or status change that only the team server decides (assignment, an AE's answer). */
  'sync_server_decided',
  /** The team member named was removed by a manager: they can no longer sign in, own leads or be routed to. */
  'user_removed',
  /** A console sign-in whose email and password (or token) do not match a user who may sign in. */
  'console_sign_in_failed',
  /** A console request whose session cookie was signed out, expired or revoked by a manager. */
  'console_session_ended',
  /** A console change without the session's CSRF token (sent from another page, or a stale tab). */
  'console_csrf_invalid',
  /** An invitation or password-reset link that was used already, or replaced by a newer one. */
  'console_link_used',
  /** An invitation or password-reset link past its expiry (7 days, or 1 hour for a reset). */
  'console_link_expired',
  /** A SIP call or test before the SIP settings (address, account and password) were saved. */
  'telephony_sip_not_set_up',
  /** SIP settings saved for the first time without a password. */
  'telephony_sip_password_missing',
  /** A call recording that is not a WAV file, or a damaged one (params `{ path, reason }`). */
  'talk_wav_invalid',
  /** A call recording with one channel or more than two; the analyzer needs dual channel (params `{ path, channels }`). */
  'talk_wav_not_stereo',
  /** A call recording in a compressed WAV encoding the analyzer does not decode (params `{ path, format }`). */
  'talk_wav_unsupported',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/**
 * Values a translated message fills in (`{{path}}`, `{{value}}`, `{{log}}`…), so each language can
 * word the error itself; `message` is the core's English wording of the same thing.
 */
export const ErrorParams = z.record(z.string(), z.union([z.string(), z.number()]));
export type ErrorParams = z.infer<typeof ErrorParams>;

export const ApiErrorShape = z.object({
  code: z.string(),
  message: z.string(),
  params: ErrorParams.optional(),
  details: z.unknown().optional(),
});
export type ApiErrorShape = z.infer<typeof ApiErrorShape>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };

/** Joins per-domain method maps into one, refusing two methods with one name. */
export const joinDomains = <T extends Record<string, MethodDef>[]>(...domains: T) => {
  const joined: Record<string, MethodDef> = {};
  for (const domain of domains) {
    for (const [name, def] of Object.entries(domain)) {
      if (name in joined) throw new Error(`API method "${name}" is declared twice`);
      joined[name] = def;
    }
  }
  return joined as UnionToIntersection<T[number]>;
};

type UnionToIntersection<U> = (U extends unknown ? (k: U) => void : never) extends (k: infer I) => void
  ? I
  : never;
