import { useCallback, useEffect, useState } from 'react';
import type { ZodType } from 'zod';
import { callApi } from '../../api/client';

type Report<T> = { data: T | null; error: unknown; loading: boolean };

/**
 * Reads one manager report (`GET /v1/reports/…`, checked with `schema`) and reads it again whenever
 * `path` changes or, with `live`, the team's live stream (`GET /v1/events`, the session cookie goes
 * along) says a change committed, so a new inbound lead shows without a reload.
 */
export const useReport = <T>(path: string, schema: ZodType<T>, live = false) => {
  const [report, setReport] = useState<Report<T>>({ data: null, error: null, loading: true });

  const refresh = useCallback(async () => {
    try {
      const data = await callApi('GET', path, schema);
      setReport({ data, error: null, loading: false });
    } catch (error) {
      setReport((previous) => ({ ...previous, error, loading: false }));
    }
  }, [path, schema]);

  useEffect(() => {
    void refresh();
    if (!live) return;
    const events = new EventSource('/v1/events');
    events.addEventListener('change', () => void refresh());
    events.addEventListener('ready', () => void refresh());
    events.addEventListener('revoked', () => {
      events.close();
      void refresh();
    });
    return () => events.close();
  }, [refresh, live]);

  return { ...report, refresh };
};
