import type { Lead } from '@shared/domain/lead';
import type { Script } from '@shared/domain/script';
import { estimateReading } from '@shared/scripts/estimate';
import { renderTemplate, scriptValues } from '@shared/scripts/variables';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../../i18n';
import { Select } from '../../../ui/Select';
import { useSettingsStore } from '../../settings/state/settingsStore';
import { shownFacts, useResearchFactsStore } from '../state/researchFactsStore';
import { useScriptsStore } from '../state/scriptsStore';
import { displayScript } from '../utils/displayScript';
import { FilledScript } from './FilledScript';
import { ReadingGauge } from './ReadingGauge';
import './scripts.css';

type ReadKind = 'voicemail' | 'opener';
const READ_KINDS: readonly ReadKind[] = ['voicemail', 'opener'];

/**
 * The scripts on the lead card: a voicemail or opener filled from the lead, its research facts and the
 * rep, with missing values marked and, for a voicemail, the 20-second gauge; then the objection cards.
 */
export const ScriptsPanel = ({ lead }: { lead: Lead }) => {
  const { t } = useTranslation();
  const scripts = useScriptsStore((s) => s.scripts);
  const status = useScriptsStore((s) => s.status);
  const load = useScriptsStore((s) => s.load);
  const storedFacts = useResearchFactsStore((s) => s.facts[lead.id]);
  const draftFacts = useResearchFactsStore((s) => s.drafts[lead.id]);
  const facts = shownFacts(storedFacts, draftFacts);
  const loadFacts = useResearchFactsStore((s) => s.load);
  const repName = useSettingsStore((s) => s.settings.repName);
  const repPhone = useSettingsStore((s) => s.settings.repPhone);
  const [kind, setKind] = useState<ReadKind>('voicemail');
  const [chosenId, setChosenId] = useState<string | null>(null);

  useEffect(() => {
    if (status === 'idle') void load();
  }, [status, load]);
  useEffect(() => {
    void loadFacts(lead.id);
  }, [lead.id, loadFacts]);

  const locale = currentLocale();
  const values = scriptValues({ lead, research: facts, rep: { repName, repPhone } });
  const options = scripts.filter((s) => s.kind === kind);
  const chosen = options.find((s) => s.id === chosenId) ?? options[0];
  const objections = scripts.filter((s) => s.kind === 'objection');

  const fill = (script: Script) => {
    const shown = displayScript(script, locale);
    const filled = renderTemplate(shown.body, values);
    return { shown, filled, seconds: estimateReading(filled.text, shown.language).seconds };
  };
  const current = chosen ? fill(chosen) : null;

  return (
    <section
      className="card scripts"
      aria-labelledby="card-scripts"
      data-testid="scripts-panel"
      // Whether the research facts the script is filled from have been read.
      data-facts={storedFacts ? 'loaded' : 'pending'}
    >
      <div className="card__title-row">
        <h3 className="card__title" id="card-scripts">
          {t('scripts.title')}
        </h3>
        <fieldset className="kind-toggle">
          <legend className="visually-hidden">{t('scripts.pick')}</legend>
          {READ_KINDS.map((k) => (
            <label key={k} className={`kind-toggle__item${kind === k ? ' kind-toggle__item--on' : ''}`}>
              <input
                type="radio"
                name={`script-kind-${lead.id}`}
                value={k}
                checked={kind === k}
                onChange={() => setKind(k)}
                data-testid={`script-kind-${k}`}
              />
              {t(`scripts.kinds.${k}`)}
            </label>
          ))}
        </fieldset>
      </div>
      {status !== 'ready' && scripts.length === 0 ? (
        <p className="muted">{t('scripts.loading')}</p>
      ) : !chosen || !current ? (
        <p className="muted">{t('scripts.none')}</p>
      ) : (
        <>
          <Select
            label={t('scripts.pick')}
            size="s"
            value={chosen.id}
            onValueChange={setChosenId}
            items={options.map((s) => ({
              value: s.id,
              label: displayScript(s, locale).name,
              hint: t(`scripts.scopes.${s.scope}`),
            }))}
            testId="script-pick"
          />
          <FilledScript segments={current.filled.segments} testId="script-text" />
          {current.filled.missing.length > 0 ? (
            <p className="scripts__missing-list" data-testid="script-missing">
              {t('scripts.missingList', {
                names: current.filled.missing.map((name) => t(`scripts.variables.${name}`)).join(', '),
              })}
            </p>
          ) : null}
          {kind === 'voicemail' ? (
            <ReadingGauge seconds={current.seconds} />
          ) : (
            <p className="muted">{t('scripts.editor.estimate', { seconds: current.seconds })}</p>
          )}
        </>
      )}
      {objections.length > 0 ? (
        <div className="objections" data-testid="objection-cards">
          <h4 className="card__subtitle">{t('scripts.objections')}</h4>
          {objections.map((script) => {
            const { shown, filled } = fill(script);
            return (
              <details key={script.id} className="objection">
                <summary className="objection__question">{shown.name}</summary>
                <FilledScript segments={filled.segments} />
              </details>
            );
          })}
        </div>
      ) : null}
    </section>
  );
};
