import type { Database } from 'better-sqlite3';
import { migration001Init } from './001_init';
import { migration002LeadSearch } from './002_lead_search';
import { migration003Cadence } from './003_cadence';
import { migration004ImportBatches } from './004_import_batches';
import { migration005CallVoids } from './005_call_voids';
import { migration006Scripts } from './006_scripts';
import { migration007Qualification } from './007_qualification';
import { migration008Snooze } from './008_snooze';
import { migration009EmailTemplates } from './009_email_templates';

/** Schema version N is reached by running migrations[N - 1]. Append only; never edit a shipped one. */
export const migrations: ReadonlyArray<(db: Database) => void> = [
  migration001Init,
  migration002LeadSearch,
  migration003Cadence,
  migration004ImportBatches,
  migration005CallVoids,
  migration006Scripts,
  migration007Qualification,
  migration008Snooze,
  migration009EmailTemplates,
];
