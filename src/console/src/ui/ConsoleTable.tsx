import type { ReactNode } from 'react';

/** One column of a console table: its header text and what each row shows in it. */
export type ConsoleColumn<Row> = {
  header: string;
  cell: (row: Row) => ReactNode;
  /** A cell class (e.g. `tabular` for dates and figures). */
  className?: string;
};

type ConsoleTableProps<Row> = {
  rows: readonly Row[];
  /** A stable key per row (a member's user id). */
  rowKey: (row: Row) => string;
  /** The `data-testid` every row carries. */
  rowTestId: string;
  columns: readonly ConsoleColumn<Row>[];
  /** The last column's header, read by screen readers only (the buttons name themselves). */
  actionsLabel: string;
  /** The row's buttons, laid out in one line at the end of the row. */
  actions: (row: Row) => ReactNode;
};

/**
 * A console table of people (team members, reps in rotation): a header row, one row per person with
 * the given columns, and a last column of per-row buttons whose header only screen readers hear.
 */
export const ConsoleTable = <Row,>({
  rows,
  rowKey,
  rowTestId,
  columns,
  actionsLabel,
  actions,
}: ConsoleTableProps<Row>) => (
  <table className="console-table">
    <thead>
      <tr>
        {columns.map((column) => (
          <th key={column.header} scope="col">
            {column.header}
          </th>
        ))}
        <th scope="col">
          <span className="visually-hidden">{actionsLabel}</span>
        </th>
      </tr>
    </thead>
    <tbody>
      {rows.map((row) => (
        <tr key={rowKey(row)} data-testid={rowTestId}>
          {columns.map((column) => (
            <td key={column.header} className={column.className}>
              {column.cell(row)}
            </td>
          ))}
          <td>
            <div className="console-actions">{actions(row)}</div>
          </td>
        </tr>
      ))}
    </tbody>
  </table>
);
