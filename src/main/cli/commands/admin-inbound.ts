import { createHmac } from 'node:crypto';
import {
  INBOUND_HEADERS,
  INBOUND_SIGNATURE_SCHEME,
  InboundChannel,
  InboundLeadOutput,
  inboundSignedText,
} from '@shared/server/inbound';
import type { Command } from 'commander';
import { AppError } from '../../core/errors';
import type { GlobalOptions } from '../context';
import { print } from '../output';
import { baseUrl, readAnswer, unreachable } from '../server-client';
import { run } from './admin';
import { registerShiftCommands, requireTeam } from './admin-shifts';

type LeadFlags = {
  name?: string;
  phone?: string;
  email?: string;
  company?: string;
  title?: string;
  country?: string;
  sourceChannel?: string;
  sourceDetail?: string;
};

type PostOptions = LeadFlags & { team?: string; secret?: string; server?: string };

const readStdin = async (): Promise<string> => {
  if (process.stdin.isTTY) {
    throw new AppError(
      'invalid_input',
      'Give the lead as JSON on standard input (< lead.json) or with flags such as --name and --phone.',
    );
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString('utf8');
};

/** The lead to post: from the flags when any is given, else the JSON object on standard input. */
const leadBody = async (options: LeadFlags): Promise<string> => {
  const keys = [
    'name',
    'phone',
    'email',
    'company',
    'title',
    'country',
    'sourceChannel',
    'sourceDetail',
  ] as const;
  const flags = Object.fromEntries(keys.flatMap((k) => (options[k] === undefined ? [] : [[k, options[k]]])));
  if (Object.keys(flags).length > 0) {
    if (flags.sourceChannel !== undefined && !InboundChannel.safeParse(flags.sourceChannel).success) {
      throw new AppError(
        'invalid_input',
        `--source-channel must be one of: ${InboundChannel.options.join(', ')} (got "${flags.sourceChannel}").`,
      );
    }
    return JSON.stringify(flags);
  }
  const text = await readStdin();
  try {
    JSON.parse(text);
  } catch {
    throw new AppError('invalid_input', 'Standard input is not JSON. Give the lead as one JSON object.');
  }
  return text;
};

/**
 * Signs `body` as a web form would (HMAC-SHA256 of `timestamp.body` under the team's inbound secret,
 * timestamp in Unix seconds) and posts it to `POST /v1/leads/inbound`. Returns the server's answer;
 * refusals keep the server's code (`inbound_signature_invalid`, `inbound_timestamp_stale`,
 * `inbound_replayed`, `invalid_input`, `rate_limited`), an unreachable server is `server_unreachable`.
 */
export const postInboundLead = async (
  server: string,
  teamId: string,
  secret: string,
  body: string,
): Promise<InboundLeadOutput> => {
  const url = new URL('/v1/leads/inbound', baseUrl(server));
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = createHmac('sha256', secret).update(inboundSignedText(timestamp, body)).digest('hex');
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [INBOUND_HEADERS.team]: teamId,
        [INBOUND_HEADERS.timestamp]: timestamp,
        [INBOUND_HEADERS.signature]: `${INBOUND_SIGNATURE_SCHEME}=${signature}`,
      },
      body,
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    throw unreachable(url, error);
  }
  return readAnswer(response, url, InboundLeadOutput);
};

/**
 * A manager's inbound-routing commands, under `dialdeck admin`:
 * - `admin shifts set --team ID --email E --days mon-fri --from 09:00 --to 17:30 --time-zone
 *   Europe/Berlin` → the rep's shift (`TeamShift`), replacing the one they had;
 * - `admin shifts --team ID` → `{shifts}` (`TeamShiftsOutput`), with who is on shift now;
 * - `admin inbound post --team ID --secret S --server URL < lead.json` (or `--name`, `--phone`…
 *   flags) → `{leadId, ownerId, duplicate, routed}`: signs and posts one inbound lead as a web form
 *   would, to test a form's set-up (no token: the team's inbound secret signs it; `--secret`
 *   defaults to `$DIALDECK_INBOUND_SECRET`).
 * Failures keep the server's code with a non-zero exit, as the other admin commands.
 */
export const registerInboundAdmin = (program: Command, globals: () => GlobalOptions): void => {
  const admin = program.commands.find((command) => command.name() === 'admin');
  if (!admin) throw new Error('registerInboundAdmin needs the admin command registered first');
  registerShiftCommands(admin, globals);

  const inbound = admin.command('inbound').description('Inbound leads (web forms and other systems)');
  inbound
    .command('post')
    .description('Sign and post one inbound lead as a web form would (to test a form set-up)')
    .requiredOption('--team <id>', 'the team id')
    .option('--secret <secret>', "the team's inbound secret (default: $DIALDECK_INBOUND_SECRET)")
    .option('--server <url>', 'the team server (default: $DIALDECK_SERVER_URL)')
    .option('--name <name>', "the lead's name")
    .option('--phone <number>', 'a phone number, with its country code or with --country')
    .option('--email <email>', "the lead's email")
    .option('--company <company>', "the lead's company")
    .option('--title <title>', "the lead's job title")
    .option('--country <country>', "the lead's country (name or ISO code)")
    .option('--source-channel <channel>', `one of: ${InboundChannel.options.join(', ')} (default web_form)`)
    .option('--source-detail <detail>', 'the form, asset or event it came from')
    .action((options: PostOptions) =>
      run(globals, async (json) => {
        const server = options.server ?? process.env.DIALDECK_SERVER_URL;
        const secret = options.secret ?? process.env.DIALDECK_INBOUND_SECRET;
        if (!server) {
          throw new AppError(
            'invalid_input',
            'Give the server address with --server URL (or DIALDECK_SERVER_URL).',
          );
        }
        if (!secret) {
          throw new AppError(
            'invalid_input',
            "Give the team's inbound secret with --secret S (or DIALDECK_INBOUND_SECRET); it was shown by `admin team create`.",
          );
        }
        const answer = await postInboundLead(
          server,
          requireTeam(options.team),
          secret,
          await leadBody(options),
        );
        print(json, answer, () =>
          [
            answer.duplicate
              ? `came back: lead ${answer.leadId} (no copy made)`
              : `new lead: ${answer.leadId}`,
            answer.ownerId
              ? `owner: ${answer.ownerId} (${answer.routed})`
              : 'owner: none (unassigned; managers see it)',
          ].join('\n'),
        );
      }),
    );
};
