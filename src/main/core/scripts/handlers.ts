import { estimateReading } from '@shared/scripts/estimate';
import { renderTemplate, scriptValues } from '@shared/scripts/variables';
import type { CoreContext } from '../context';
import { AppError } from '../errors';
import type { Handlers } from '../handlers';
import { readSetting, readSettings, writeSetting } from '../settings/repo';
import { writeNow } from '../store/write-lock';
import { BUILTIN_SCRIPTS } from './defaults';
import { createResearchFactsStore } from './research-facts';
import { createScriptStore } from './store';

type ScriptsHandlers = Pick<
  Handlers,
  | 'scripts.list'
  | 'scripts.save'
  | 'scripts.delete'
  | 'scripts.render'
  | 'scripts.estimate'
  | 'research.getFacts'
  | 'research.setFacts'
>;

/**
 * Scripts, their filling and timing, and research facts. On first use of a store the built-in scripts
 * are written (once: a team's edits and deletions are kept).
 */
export const createScriptsHandlers = ({ db, outbox, now, leads, events }: CoreContext): ScriptsHandlers => {
  const scripts = createScriptStore(db, outbox, now);
  const facts = createResearchFactsStore(db, outbox, now);

  if (!readSetting(db, 'scripts.builtinsSeeded')) {
    writeNow(db, () => {
      for (const builtin of BUILTIN_SCRIPTS) {
        if (!scripts.known(builtin.id)) scripts.save(builtin, { builtin: true });
      }
      writeSetting(db, 'scripts.builtinsSeeded', true);
    });
  }

  return {
    'scripts.list': () => scripts.list(),
    'scripts.save': ({ script }) => {
      const saved = scripts.save(script);
      events.emit('scripts:changed', {});
      return saved;
    },
    'scripts.delete': ({ id }) => {
      scripts.remove(id);
      events.emit('scripts:changed', {});
      return { id };
    },
    'scripts.render': ({ scriptId, leadId }) => {
      const script = scripts.get(scriptId);
      let lead: ReturnType<typeof leads.getLead>;
      try {
        lead = leads.getLead(leadId);
      } catch (error) {
        if (error instanceof AppError && error.code === 'not_found') {
          throw new AppError('not_found', error.message, { kind: 'lead', id: leadId });
        }
        throw error;
      }
      const settings = readSettings(db);
      const filled = renderTemplate(
        script.body,
        scriptValues({
          lead,
          research: facts.get(leadId),
          rep: { repName: settings.repName, repPhone: settings.repPhone },
        }),
      );
      const { seconds } = estimateReading(filled.text, script.language);
      return { scriptId, text: filled.text, missing: filled.missing, seconds, language: script.language };
    },
    'scripts.estimate': ({ text, language }) => {
      const estimate = estimateReading(text, language);
      if (estimate.units === 0) {
        throw new AppError(
          'script_empty_text',
          'There is nothing to read aloud in this text. Give the words of the script.',
        );
      }
      return { seconds: estimate.seconds, language };
    },
    'research.getFacts': ({ leadId }) => {
      leads.getLead(leadId);
      return facts.get(leadId);
    },
    'research.setFacts': ({ leadId, facts: changes }) => {
      leads.getLead(leadId);
      const saved = facts.set(leadId, changes);
      events.emit('leads:changed', { ids: [leadId] });
      return saved;
    },
  };
};
