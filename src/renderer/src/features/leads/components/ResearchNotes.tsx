import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FOCUS_IDS, focusById } from '../../../app/focus';
import { useResearchStore } from '../state/researchStore';
import { SaveIndicator } from './SaveIndicator';

type ResearchNotesProps = { leadId: string; savedBody: string; savedAt: number | undefined };

/** The lead's research notes: saved after each pause in typing, on leaving the field, and on close. */
export const ResearchNotes = ({ leadId, savedBody, savedAt }: ResearchNotesProps) => {
  const { t } = useTranslation();
  const draft = useResearchStore((s) => s.drafts[leadId]);
  const save = useResearchStore((s) => s.saves[leadId]);
  const edit = useResearchStore((s) => s.edit);
  const flush = useResearchStore((s) => s.flush);

  const handleKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      flush(leadId);
      focusById(FOCUS_IDS.list);
    }
  };

  return (
    <section className="card notes" aria-labelledby="card-notes">
      <div className="card__title-row">
        <label className="card__title" id="card-notes" htmlFor={FOCUS_IDS.notes}>
          {t('notes.title')}
        </label>
        <SaveIndicator save={save} savedAt={savedAt} hasText={(draft ?? savedBody) !== ''} />
      </div>
      <textarea
        id={FOCUS_IDS.notes}
        className="notes__editor"
        value={draft ?? savedBody}
        placeholder={t('notes.placeholder')}
        maxLength={100_000}
        spellCheck
        aria-describedby="notes-hint"
        onChange={(event) => edit(leadId, event.target.value)}
        onBlur={() => flush(leadId)}
        onKeyDown={handleKeyDown}
      />
      <p className="notes__hint" id="notes-hint">
        {t('notes.editHint')}
      </p>
    </section>
  );
};
