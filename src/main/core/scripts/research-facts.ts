import {
  EMPTY_RESEARCH_FACTS,
  type LeadResearchFacts,
  RESEARCH_FACT_FIELDS,
  type ResearchFacts,
} from '@shared/domain/script';
import type { Db } from '../store/db';
import { writeNow } from '../store/write-lock';
import type { Clock, Outbox } from '../sync/outbox';

type FactsRow = {
  trigger_event: string;
  pain_point: string;
  tech_stack: string;
  current_tool: string;
  updated_at: number;
};

const COLUMN: Record<keyof ResearchFacts, keyof FactsRow> = {
  triggerEvent: 'trigger_event',
  painPoint: 'pain_point',
  techStack: 'tech_stack',
  currentTool: 'current_tool',
};

export type ResearchFactsStore = ReturnType<typeof createResearchFactsStore>;

/** The `research_facts` table: a lead's trigger event, pain point, tech stack and current tool. */
export const createResearchFactsStore = (db: Db, outbox: Outbox, now: Clock) => {
  const read = db.prepare<[string], FactsRow>(
    'SELECT trigger_event, pain_point, tech_stack, current_tool, updated_at FROM research_facts WHERE lead_id = ?',
  );

  /** The lead's facts ('' each while unknown; `updatedAt` null while never saved). The lead must exist. */
  const get = (leadId: string): LeadResearchFacts => {
    const row = read.get(leadId);
    if (!row) return { leadId, ...EMPTY_RESEARCH_FACTS, updatedAt: null };
    return {
      leadId,
      triggerEvent: row.trigger_event,
      painPoint: row.pain_point,
      techStack: row.tech_stack,
      currentTool: row.current_tool,
      updatedAt: row.updated_at,
    };
  };

  return {
    get,
    /**
     * Saves the fields in `changes` (trimmed; others keep their values) and records `research.setFacts`
     * with only those fields, in one transaction. The lead must exist (the caller checks).
     */
    set: (leadId: string, changes: Partial<ResearchFacts>): LeadResearchFacts => {
      const fields = RESEARCH_FACT_FIELDS.filter((field) => changes[field] !== undefined);
      const facts = Object.fromEntries(
        fields.map((f) => [f, (changes[f] ?? '').trim()]),
      ) as Partial<ResearchFacts>;
      const at = now();
      writeNow(db, () => {
        db.prepare(
          'INSERT INTO research_facts (lead_id, updated_at) VALUES (?, ?) ON CONFLICT(lead_id) DO NOTHING',
        ).run(leadId, at);
        const sets = fields.map((f) => `${COLUMN[f]} = @${f}`).join(', ');
        db.prepare(`UPDATE research_facts SET ${sets}, updated_at = @at WHERE lead_id = @leadId`).run({
          ...facts,
          at,
          leadId,
        });
        outbox.record('research.setFacts', { leadId, facts, updatedAt: at });
      });
      return get(leadId);
    },
  };
};
