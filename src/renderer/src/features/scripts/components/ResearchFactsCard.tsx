import { RESEARCH_FACT_FIELDS, type ResearchFactField } from '@shared/domain/script';
import { type KeyboardEvent, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FOCUS_IDS, focusById } from '../../../app/focus';
import { shownFacts, useResearchFactsStore } from '../state/researchFactsStore';

/**
 * What research found that scripts use: trigger event, pain point, tech stack, current tool. Each field
 * saves when the rep leaves it (Esc leaves it too); one save is one outbox mutation.
 */
export const ResearchFactsCard = ({ leadId }: { leadId: string }) => {
  const { t } = useTranslation();
  const storedFacts = useResearchFactsStore((s) => s.facts[leadId]);
  const draftFacts = useResearchFactsStore((s) => s.drafts[leadId]);
  const facts = shownFacts(storedFacts, draftFacts);
  const save = useResearchFactsStore((s) => s.saves[leadId]);
  const load = useResearchFactsStore((s) => s.load);
  const edit = useResearchFactsStore((s) => s.edit);
  const flush = useResearchFactsStore((s) => s.flush);

  useEffect(() => {
    void load(leadId);
    return () => void useResearchFactsStore.getState().flush(leadId);
  }, [leadId, load]);

  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape' || event.key === 'Enter') {
      event.preventDefault();
      void flush(leadId);
      if (event.key === 'Escape') focusById(FOCUS_IDS.list);
    }
  };

  const label = (field: ResearchFactField) => t(`scripts.facts.${field}`);
  return (
    <section
      className="card research-facts"
      aria-labelledby="card-research-facts"
      data-testid="research-facts"
    >
      <div className="card__title-row">
        <h3 className="card__title" id="card-research-facts">
          {t('scripts.facts.title')}
        </h3>
        {save?.state === 'saving' ? <span className="muted">{t('notes.saving')}</span> : null}
        {save?.state === 'saved' ? <span className="muted">{t('notes.saved')}</span> : null}
      </div>
      <div className="research-facts__grid">
        {RESEARCH_FACT_FIELDS.map((field) => (
          <label key={field} className="field research-facts__field">
            <span className="field__label">{label(field)}</span>
            <input
              className="input"
              value={facts?.[field] ?? ''}
              disabled={!facts}
              maxLength={500}
              onChange={(event) => edit(leadId, field, event.target.value)}
              onBlur={() => void flush(leadId)}
              onKeyDown={handleKeyDown}
              data-testid={`fact-${field}`}
            />
          </label>
        ))}
      </div>
      {save?.state === 'error' ? (
        <p className="form-error" role="alert">
          {t('scripts.facts.saveFailed', { message: save.error ?? '' })}
        </p>
      ) : (
        <p className="field__hint">{t('scripts.facts.hint')}</p>
      )}
    </section>
  );
};
