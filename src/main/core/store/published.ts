/**
 * What every read sees: rows of an import still being written carry the id of an `import_batches` row
 * in state `writing` and stay out of every query until one small transaction publishes the batch
 * (migration 004). SQLite evaluates the uncorrelated `NOT IN` list once per statement, and rows written
 * outside an import (batch_id NULL) never look at it.
 */
export const WRITING_BATCHES = "SELECT id FROM import_batches WHERE state = 'writing'";

/** A condition true for rows of table alias `alias` that every reader may see. */
export const published = (alias: string): string =>
  `(${alias}.batch_id IS NULL OR ${alias}.batch_id NOT IN (${WRITING_BATCHES}))`;

/** The leads every reader may see, as a FROM item named `alias` (SQLite flattens it into the query). */
export const publishedLeads = (alias: string): string =>
  `(SELECT * FROM leads WHERE ${published('leads')}) ${alias}`;
