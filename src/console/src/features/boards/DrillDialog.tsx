import { Button } from '@renderer/ui/Button';
import { Dialog } from '@renderer/ui/Dialog';
import { type DrillItem, DrillPage } from '@shared/server/reports';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../../api/client';
import { errorText } from '../../api/errors';
import { csvHref, type DrillCell, drillPath } from './drill';
import { kindLabel, outcomeText } from './words';
import { formatInZone } from './zonedTime';

/**
 * The activities behind one number of a board, newest first, 50 at a time ("Show more" reads the
 * next page), with the same list as CSV; times on the team's clock (the zone its days are counted in).
 */
export const DrillDialog = ({ cell, onClose }: { cell: DrillCell | null; onClose: () => void }) => {
  const { t, i18n } = useTranslation();
  const [items, setItems] = useState<DrillItem[]>([]);
  const [timeZone, setTimeZone] = useState<string | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);

  const read = async (target: DrillCell, after: string | null) => {
    setLoading(true);
    try {
      const path = drillPath(target) + (after ? `&cursor=${encodeURIComponent(after)}` : '');
      const page = await callApi('GET', path, DrillPage);
      setItems((previous) => (after ? [...previous, ...page.items] : page.items));
      setTimeZone(page.timeZone);
      setCursor(page.nextCursor);
      setError(null);
    } catch (failure) {
      setError(failure);
    } finally {
      setLoading(false);
    }
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: read again only when another cell opens
  useEffect(() => {
    setItems([]);
    setCursor(null);
    if (cell) void read(cell, null);
  }, [cell]);

  return (
    <Dialog
      open={cell !== null}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={
        cell
          ? t('console.boards.drillTitle', {
              metric: t(`console.boards.metric.${cell.metric}`),
              who: cell.who,
              from: cell.from,
              to: cell.to,
            })
          : ''
      }
      description={t('console.boards.drillHint')}
      size="l"
      testId="drill-dialog"
    >
      {error ? (
        <p className="form-error" role="alert">
          {errorText(error)}
        </p>
      ) : null}
      {!loading && items.length === 0 && !error ? (
        <p className="muted">{t('console.boards.drillEmpty')}</p>
      ) : null}
      {items.length > 0 ? (
        <div className="board-scroll">
          <table className="console-table" data-testid="drill-table">
            <thead>
              <tr>
                <th scope="col">
                  {timeZone ? t('console.boards.whenIn', { zone: timeZone }) : t('console.boards.when')}
                </th>
                <th scope="col">{t('console.boards.lead')}</th>
                <th scope="col">{t('console.boards.rep')}</th>
                <th scope="col">{t('console.boards.kind')}</th>
                <th scope="col">{t('console.boards.outcome')}</th>
                <th scope="col">{t('console.boards.duration')}</th>
                <th scope="col">{t('console.boards.note')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id} data-testid="drill-row">
                  <td data-testid="drill-when">
                    {formatInZone(
                      item.occurredAt,
                      timeZone ?? 'UTC',
                      i18n.language || 'en',
                      t('errors.unknownTime'),
                    )}
                  </td>
                  <td>{item.leadName ?? t('console.boards.unknownLead')}</td>
                  <td>{item.user.email}</td>
                  <td>{kindLabel(t, item.kind)}</td>
                  <td>{outcomeText(t, item.kind, item.outcome)}</td>
                  <td>
                    {item.durationSeconds === null
                      ? '—'
                      : t('console.boards.seconds', { n: Math.round(item.durationSeconds) })}
                  </td>
                  <td>{item.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <div className="console-form__actions">
        {cell ? (
          <a className="btn btn--s" href={csvHref(drillPath(cell))} download>
            {t('console.boards.downloadCsv')}
          </a>
        ) : null}
        {cursor && cell ? (
          <Button size="s" disabled={loading} onClick={() => void read(cell, cursor)}>
            {t('console.boards.more')}
          </Button>
        ) : null}
      </div>
    </Dialog>
  );
};
