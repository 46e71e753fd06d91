import { type TeamDncEntry, TeamDncOutput } from '@shared/server/definitions';
import { useCallback, useEffect, useState } from 'react';
import { callApi } from '../../../api/client';

const PAGE = 50;

type DncList = {
  entries: TeamDncEntry[];
  next: string | null;
  total: number;
  loading: boolean;
  error: unknown;
};

/**
 * The team's do-not-contact list as the page shows it: entries matching `q`, newest first, 50 at a
 * time; `more` appends the next page, `reload` starts over (after an addition or a removal).
 */
export const useDncList = (base: string, q: string) => {
  const [list, setList] = useState<DncList>({
    entries: [],
    next: null,
    total: 0,
    loading: true,
    error: null,
  });

  const load = useCallback(
    async (after: string | null) => {
      const params = new URLSearchParams({ limit: String(PAGE) });
      if (q.trim() !== '') params.set('q', q.trim());
      if (after) params.set('after', after);
      setList((previous) => ({ ...previous, loading: true }));
      try {
        const page = await callApi('GET', `${base}/dnc?${params}`, TeamDncOutput);
        setList((previous) => ({
          entries: after ? [...previous.entries, ...page.entries] : page.entries,
          next: page.next,
          total: page.total,
          loading: false,
          error: null,
        }));
      } catch (error) {
        setList((previous) => ({ ...previous, loading: false, error }));
      }
    },
    [base, q],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  return {
    ...list,
    reload: () => load(null),
    more: () => (list.next ? load(list.next) : Promise.resolve()),
  };
};
