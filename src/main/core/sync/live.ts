import { ErrorCode as ErrorCodes } from '@shared/api';
import { ServerErrorBody } from '@shared/server/admin';
import { TeamChangeEvent } from '@shared/server/events';
import { AppError } from '../errors';

/** One server-sent event as read off `GET /v1/events`: its name (`ready`, `change`, `revoked`, `closing`) and data. */
export type LiveEvent =
  | { kind: 'ready' | 'change'; change: TeamChangeEvent }
  | { kind: 'revoked' | 'closing' }
  | { kind: 'heartbeat' };

export type LiveOptions = {
  /** The version last seen, sent as `?after=` so the server reports a change made while away. */
  after?: number;
  onEvent: (event: LiveEvent) => void;
  /** Aborting ends the stream (the promise resolves). */
  signal: AbortSignal;
};

/**
 * Splits server-sent event text into events: blocks separated by a blank line, `event:` and `data:`
 * fields, comment lines (`:`) as heartbeats. Source: WHATWG HTML Living Standard, "Server-sent
 * events", §9.2.6 Interpreting an event stream. Returns the events of complete blocks and the rest.
 */
export const parseEventText = (text: string): { events: { name: string; data: string }[]; rest: string } => {
  const normalized = text.replace(/\r\n?/g, '\n');
  const blocks = normalized.split('\n\n');
  const rest = blocks.pop() ?? '';
  const events: { name: string; data: string }[] = [];
  for (const block of blocks) {
    let name = 'message';
    const data: string[] = [];
    let comment = false;
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) comment = true;
      else if (line.startsWith('event:')) name = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    }
    if (data.length > 0 || name !== 'message') events.push({ name, data: data.join('\n') });
    else if (comment) events.push({ name: 'heartbeat', data: '' });
  }
  return { events, rest };
};

const toLiveEvent = (name: string, data: string): LiveEvent | null => {
  if (name === 'heartbeat') return { kind: 'heartbeat' };
  if (name === 'revoked' || name === 'closing') return { kind: name };
  if (name !== 'ready' && name !== 'change') return null;
  try {
    const change = TeamChangeEvent.safeParse(JSON.parse(data));
    return change.success ? { kind: name, change: change.data } : null;
  } catch {
    return null;
  }
};

/**
 * Follows the team server's live change stream (`GET /v1/events` with the bearer token) until it
 * ends or `signal` aborts, calling `onEvent` for each wake-up. Resolves when the stream ends (the
 * server closed it, or `signal`); rejects with `server_unreachable` (params `{url}`) when it could
 * not be opened or broke, and with the server's own code (`unauthorized`, `forbidden`,
 * `server_database_unreachable`…) when it refused.
 */
export const followTeamChanges = async (
  credentials: { server: string; token: string },
  options: LiveOptions,
): Promise<void> => {
  const url = new URL('/v1/events', credentials.server);
  if (options.after !== undefined) url.searchParams.set('after', String(options.after));
  const unreachable = (error: unknown) => {
    const why = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    return new AppError(
      'server_unreachable',
      `Could not follow the Dialdeck server's live changes at ${url.origin} (${why}).`,
      undefined,
      { url: url.origin },
    );
  };
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { authorization: `Bearer ${credentials.token}`, accept: 'text/event-stream' },
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal.aborted) return;
    throw unreachable(error);
  }
  if (!response.ok || !response.body) {
    const text = await response.text().catch(() => '');
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      // Not a Dialdeck error body: reported as unreachable below.
    }
    const failure = ServerErrorBody.safeParse(json);
    const known = ErrorCodes.safeParse(failure.success ? failure.data.error.code : '');
    if (failure.success && known.success) {
      throw new AppError(known.data, failure.data.error.message, failure.data.error.details);
    }
    throw unreachable(new Error(`HTTP ${response.status}`));
  }
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      const { events, rest } = parseEventText(buffer);
      buffer = rest;
      for (const { name, data } of events) {
        const event = toLiveEvent(name, data);
        if (event) options.onEvent(event);
      }
    }
  } catch (error) {
    if (options.signal.aborted) return;
    throw unreachable(error);
  }
};
