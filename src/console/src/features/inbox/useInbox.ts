import { ConsoleAeRecord } from '@shared/server/console';
import {
  HandoffListOutput,
  type ServerHandoff,
  ServerHandoff as ServerHandoffSchema,
} from '@shared/server/handoffs';
import { useCallback, useEffect, useState } from 'react';
import { callApi } from '../../api/client';

type Inbox = {
  handoffs: ServerHandoff[];
  record: ConsoleAeRecord | null;
  /** Client time (ms) the list was read: each hand-off's `msLeft` counts down from it. */
  readAt: number;
  loading: boolean;
  error: unknown;
};

/**
 * The AE's inbox: their hand-offs (every status) and record, read again whenever the team's live
 * stream (`GET /v1/events`, with the session cookie) says something changed, so a new hand-off
 * appears without a reload. `accept` and `reject` decide through the API and refresh.
 */
export const useInbox = () => {
  const [inbox, setInbox] = useState<Inbox>({
    handoffs: [],
    record: null,
    readAt: Date.now(),
    loading: true,
    error: null,
  });

  const refresh = useCallback(async () => {
    try {
      const [list, record] = await Promise.all([
        callApi('GET', '/v1/handoffs?status=all', HandoffListOutput),
        callApi('GET', '/v1/console/ae/record', ConsoleAeRecord),
      ]);
      setInbox({ handoffs: list.handoffs, record, readAt: Date.now(), loading: false, error: null });
    } catch (error) {
      setInbox((previous) => ({ ...previous, loading: false, error }));
    }
  }, []);

  useEffect(() => {
    void refresh();
    const events = new EventSource('/v1/events');
    events.addEventListener('change', () => void refresh());
    // After a reconnect the stream says `ready` again: read what may have changed meanwhile.
    events.addEventListener('ready', () => void refresh());
    events.addEventListener('revoked', () => {
      events.close();
      void refresh();
    });
    return () => events.close();
  }, [refresh]);

  const accept = async (id: string) => {
    await callApi('POST', `/v1/handoffs/${id}/accept`, ServerHandoffSchema, {});
    await refresh();
  };
  const reject = async (id: string, reason: string) => {
    await callApi('POST', `/v1/handoffs/${id}/reject`, ServerHandoffSchema, { reason });
    await refresh();
  };
  return { ...inbox, refresh, accept, reject };
};
