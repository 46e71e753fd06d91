import type { LeadStatus } from '@shared/domain/lead';
import { STATUS_ORDER } from '@shared/leadSearch/statuses';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { FOCUS_IDS } from '../../../app/focus';
import { useLeadListStore } from '../state/leadListStore';
import { isPageCurrent, visibleCount, visibleIndexOf, visibleRow } from '../state/listView';
import { markListPainted } from '../utils/listPaint';
import { LeadListEmpty } from './LeadListEmpty';
import { LeadRow, LeadRowSkeleton, optionId, type RowLabels } from './LeadRow';

const ROW_HEIGHT = 56;

/**
 * The lead list: a listbox whose highlighted row follows the keyboard (aria-activedescendant), with
 * only the rows on screen rendered, so 100k leads scroll as smoothly as ten.
 */
export const LeadList = () => {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the labels change with the language.
  const labels = useMemo<RowLabels>(() => {
    const byStatus = (prefix: 'status' | 'statusShort') =>
      Object.fromEntries(STATUS_ORDER.map((s) => [s, t(`${prefix}.${s}`)])) as Record<LeadStatus, string>;
    return {
      demo: t('demo.badge'),
      timeZoneUnknown: t('detail.timeZoneUnknown'),
      status: byStatus('status'),
      statusShort: byStatus('statusShort'),
    };
  }, [t, language]);
  const table = useLeadListStore((s) => s.table);
  const view = useLeadListStore((s) => s.view);
  const page = useLeadListStore((s) => s.page);
  const activeId = useLeadListStore((s) => s.activeId);
  const openId = useLeadListStore((s) => s.openId);
  const loadError = useLeadListStore((s) => s.loadError);
  const listPainted = useLeadListStore((s) => s.listPainted);
  const open = useLeadListStore((s) => s.open);
  const query = useLeadListStore((s) => s.query);
  const status = useLeadListStore((s) => s.status);
  const data = { table, view, page };
  const count = visibleCount(data);
  const scrollRef = useRef<HTMLDivElement>(null);
  const loaded = table !== null || page !== null;

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
  });

  // Keeps the keyboard's row on screen as it moves or as the filter changes (not when a row is patched).
  const filterKey = `${status ?? ''}\n${query}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: filterKey re-runs this when the filter changes.
  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const index = Math.max(0, visibleIndexOf(useLeadListStore.getState(), activeId));
    // Rows have one height, so the row's place is known without measuring; the virtualizer's own
    // record of the viewport avoids a layout read, and the scroll is written only when needed.
    const top = index * ROW_HEIGHT;
    const offset = virtualizer.scrollOffset ?? 0;
    const height = virtualizer.scrollRect?.height ?? 0;
    if (top < offset) element.scrollTop = top;
    else if (height > 0 && top + ROW_HEIGHT > offset + height) element.scrollTop = top + ROW_HEIGHT - height;
  }, [activeId, filterKey, virtualizer]);

  // The first rows on screen: the figure the startup benchmark reads, and the cue to fetch the index.
  useEffect(() => {
    if (loaded) markListPainted();
  }, [loaded]);

  const handleOpen = useCallback(
    (id: string) => {
      open(id);
      scrollRef.current?.focus();
    },
    [open],
  );

  const activeShown = activeId !== null && visibleIndexOf(data, activeId) >= 0;
  const shownQuery = view ? view.filter.query : (page?.filter.query ?? '');

  // A search typed before the index arrived waits for it; the rows below are not its answer yet.
  const stale = loaded && !isPageCurrent({ table, page, query, status });
  const empty = loaded && count === 0 && !stale;
  return (
    // The frame carries the query the rows on screen answer, for tests and the benchmark.
    <div className="lead-list-frame" data-query={shownQuery} data-count={count} data-loaded={loaded}>
      {empty ? <LeadListEmpty /> : null}
      {stale ? (
        <p className="lead-list__notice" role="status">
          {t('list.indexLoading')}
        </p>
      ) : null}
      <div
        ref={scrollRef}
        id={FOCUS_IDS.list}
        className={`lead-list${stale ? ' lead-list--stale' : ''}`}
        role="listbox"
        tabIndex={0}
        aria-label={t('list.label')}
        aria-activedescendant={activeShown && activeId ? optionId(activeId) : undefined}
        aria-busy={!loaded}
      >
        {loadError && !loaded ? (
          <p className="lead-list__error">{t('list.error', { message: loadError })}</p>
        ) : null}
        <div role="presentation" className="lead-list__canvas" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const lead = visibleRow(data, item.index);
            return lead ? (
              // Keyed by slot, so a new set of matches updates the rows on screen instead of rebuilding them.
              <LeadRow
                key={item.index}
                lead={lead}
                index={item.index}
                count={count}
                top={item.start}
                active={lead.id === activeId}
                open={lead.id === openId}
                labels={labels}
                showClock={listPainted}
                onOpen={handleOpen}
              />
            ) : (
              <LeadRowSkeleton key={`skeleton-${item.index}`} top={item.start} />
            );
          })}
        </div>
      </div>
    </div>
  );
};
