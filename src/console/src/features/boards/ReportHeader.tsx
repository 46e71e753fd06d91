import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/errors';
import { csvHref } from './drill';

type ReportHeaderProps = {
  title: string;
  hint: string;
  /** The report route the CSV link downloads (`?format=csv` is added). */
  csvPath: string;
  error: unknown;
  children?: ReactNode;
};

/** A board's title, what it shows, its "Download CSV" link and the error of its last read. */
export const ReportHeader = ({ title, hint, csvPath, error, children }: ReportHeaderProps) => {
  const { t } = useTranslation();
  return (
    <>
      <div className="board-head">
        <div>
          <h1 className="console-h1">{title}</h1>
          <p className="section-hint">{hint}</p>
        </div>
        <div className="board-head__actions">
          {children}
          <a className="btn btn--s" href={csvHref(csvPath)} download data-testid="download-csv">
            {t('console.boards.downloadCsv')}
          </a>
        </div>
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {errorText(error)}
        </p>
      ) : null}
    </>
  );
};
