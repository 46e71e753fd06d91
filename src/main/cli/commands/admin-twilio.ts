import {
  AllPartyConsentRule,
  DEFAULT_ALL_PARTY_CONSENT_REGIONS,
  TwilioSettingsInput,
  TwilioSettingsOutput,
} from '@shared/server/twilio';
import type { Command } from 'commander';
import { AppError } from '../../core/errors';
import type { GlobalOptions } from '../context';
import { print } from '../output';
import { callServer } from '../server-client';
import { run, type TargetOptions, targetOf, withTarget } from './admin';

type SetOptions = TargetOptions & {
  team: string;
  accountSid: string;
  apiKeySid: string;
  apiKeySecret?: string;
  authToken?: string;
  twimlAppSid: string;
  callerId: string;
  localPresence: string[];
  recording: string;
  allPartyConsent: string;
  allPartyRegions?: string;
  announcement?: string;
  webhookBaseUrl: string;
};

/** `US:415=+14155550100` → `{country, areaCode, number}` (validated by the shared schema). */
const presenceOf = (text: string) => {
  const match = /^([A-Za-z]{2}):(\d+)=(\+\d+)$/.exec(text.trim());
  if (!match) {
    throw new AppError(
      'invalid_input',
      `--local-presence takes COUNTRY:AREA_CODE=NUMBER, such as US:415=+14155550100 (got "${text}").`,
    );
  }
  return { country: match[1] ?? '', areaCode: match[2] ?? '', number: match[3] ?? '' };
};

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** The request body from the flags, or `invalid_input` naming every flag that is wrong. */
const inputOf = (options: SetOptions): TwilioSettingsInput => {
  if (options.recording !== 'on' && options.recording !== 'off') {
    throw new AppError('invalid_input', `--recording is on or off (got "${options.recording}").`);
  }
  const parsed = TwilioSettingsInput.safeParse({
    accountSid: options.accountSid,
    apiKeySid: options.apiKeySid,
    apiKeySecret: options.apiKeySecret ?? process.env.DIALDECK_TWILIO_API_KEY_SECRET,
    authToken: options.authToken ?? process.env.DIALDECK_TWILIO_AUTH_TOKEN,
    twimlAppSid: options.twimlAppSid,
    callerId: options.callerId,
    localPresence: options.localPresence.map(presenceOf),
    recording: {
      enabled: options.recording === 'on',
      allPartyConsent: options.allPartyConsent,
      allPartyRegions: options.allPartyRegions
        ? options.allPartyRegions.split(',').filter((code) => code.trim() !== '')
        : [...DEFAULT_ALL_PARTY_CONSENT_REGIONS],
      ...(options.announcement ? { announcement: options.announcement } : {}),
    },
    webhookBaseUrl: options.webhookBaseUrl,
  });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new AppError(
      'invalid_input',
      `The Twilio set-up is not valid (${issues}). Fix those flags and run it again.`,
    );
  }
  return parsed.data;
};

/**
 * `dialdeck admin twilio set --team ID --account-sid AC… --api-key-sid SK… --api-key-secret S
 * --auth-token T --twiml-app-sid AP… --caller-id +E164 --webhook-base-url URL [--local-presence
 * CC:AREA=+NUMBER …] [--recording on|off] [--all-party-consent announce|skip] [--all-party-regions
 * US-CA,…] [--announcement TEXT] --json` → `TwilioSettingsOutput` (secrets never printed). The secrets
 * may come from DIALDECK_TWILIO_API_KEY_SECRET and DIALDECK_TWILIO_AUTH_TOKEN instead (out of the shell
 * history) and may be left out after the first set-up to keep the stored ones.
 */
export const registerAdminTwilio = (admin: Command, globals: () => GlobalOptions): void => {
  const twilio = admin.command('twilio').description("The team's Twilio account on the server");
  withTarget(
    twilio
      .command('set')
      .description("Set the team's Twilio account, numbers and recording rule")
      .requiredOption('--team <id>', 'the team id')
      .requiredOption('--account-sid <sid>', 'the Twilio account SID (AC…)')
      .requiredOption('--api-key-sid <sid>', 'an API key SID (SK…) the server signs access tokens with')
      .option('--api-key-secret <secret>', "the API key's secret (default: $DIALDECK_TWILIO_API_KEY_SECRET)")
      .option('--auth-token <token>', "the account's auth token (default: $DIALDECK_TWILIO_AUTH_TOKEN)")
      .requiredOption('--twiml-app-sid <sid>', 'the TwiML App SID (AP…) whose voice URL is /v1/twilio/voice')
      .requiredOption('--caller-id <number>', "the team's number in E.164, such as +14155550100")
      .requiredOption(
        '--webhook-base-url <url>',
        'the address Twilio reaches this server at, such as https://dialer.example.com',
      )
      .option('--local-presence <entry>', 'COUNTRY:AREA_CODE=NUMBER, repeatable', collect, [])
      .option('--recording <on|off>', 'record calls on two channels where consent allows', 'off')
      .option(
        '--all-party-consent <rule>',
        `in all-party-consent regions: ${AllPartyConsentRule.options.join(' or ')}`,
        'skip',
      )
      .option(
        '--all-party-regions <codes>',
        "comma-separated regions needing every party's consent (default: the US list in docs/server.md)",
      )
      .option('--announcement <text>', 'what the prospect hears before a recorded call in those regions'),
  ).action((options: SetOptions) =>
    run(globals, async (json) => {
      const body = inputOf(options);
      const saved = await callServer(
        targetOf(options),
        'PUT',
        `/v1/teams/${encodeURIComponent(options.team)}/twilio`,
        body,
        TwilioSettingsOutput,
      );
      print(json, saved, () =>
        [
          `Twilio set up for team ${saved.teamId}: caller ID ${saved.callerId}, ${saved.localPresence.length} local-presence number(s), recording ${saved.recording.enabled ? 'on' : 'off'}.`,
          `Point the TwiML App's voice URL at ${saved.webhookBaseUrl}/v1/twilio/voice (POST).`,
        ].join('\n'),
      );
    }),
  );
};
