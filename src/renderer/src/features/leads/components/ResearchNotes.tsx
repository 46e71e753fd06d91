import { notesHtml } from '@shared/notes/markdown';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FOCUS_IDS, focusById } from '../../../app/focus';
import { useResearchStore } from '../state/researchStore';
import { SaveIndicator } from './SaveIndicator';

type ResearchNotesProps = { leadId: string; savedBody: string; savedAt: number | undefined };

/**
 * The lead's research notes: saved after each pause in typing, on leaving the field, and on close; shown
 * as Markdown in the preview. Asking to write (E) from the preview goes back to the text.
 */
export const ResearchNotes = ({ leadId, savedBody, savedAt }: ResearchNotesProps) => {
  const { t } = useTranslation();
  const draft = useResearchStore((s) => s.drafts[leadId]);
  const save = useResearchStore((s) => s.saves[leadId]);
  const edit = useResearchStore((s) => s.edit);
  const flush = useResearchStore((s) => s.flush);
  const [preview, setPreview] = useState(false);
  const editor = useRef<HTMLTextAreaElement>(null);
  const focusAfterWrite = useRef(false);
  useEffect(() => {
    if (!preview && focusAfterWrite.current) {
      focusAfterWrite.current = false;
      editor.current?.focus();
    }
  }, [preview]);
  const body = draft ?? savedBody;

  const handleKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      flush(leadId);
      // The lead list is hidden while the queue is shown: then Esc just leaves the field.
      if (!focusById(FOCUS_IDS.list)) event.currentTarget.blur();
    }
  };

  return (
    <section className="card notes" aria-labelledby="card-notes">
      <div className="card__title-row">
        <label className="card__title" id="card-notes" htmlFor={FOCUS_IDS.notes}>
          {t('notes.title')}
        </label>
        <SaveIndicator save={save} savedAt={savedAt} hasText={body !== ''} />
        <button
          type="button"
          className="btn btn--ghost btn--s"
          onClick={() => setPreview(!preview)}
          data-testid="notes-preview-toggle"
        >
          {preview ? t('notes.write') : t('notes.preview')}
        </button>
      </div>
      {preview ? (
        <section
          id={FOCUS_IDS.notes}
          className="notes__preview"
          aria-label={t('notes.preview')}
          tabIndex={-1}
          onFocus={(event) => {
            // Only focus sent to the preview itself (E, the label); a link inside it keeps the preview.
            if (event.target !== event.currentTarget) return;
            focusAfterWrite.current = true;
            setPreview(false);
          }}
          data-testid="notes-preview"
          // biome-ignore lint/security/noDangerouslySetInnerHtml: markdown-it with raw HTML off escapes every tag and refuses script links (@shared/notes/markdown).
          dangerouslySetInnerHTML={{ __html: notesHtml(body) }}
        />
      ) : (
        <textarea
          ref={editor}
          id={FOCUS_IDS.notes}
          className="notes__editor"
          value={body}
          placeholder={t('notes.placeholder')}
          maxLength={100_000}
          spellCheck
          aria-describedby="notes-hint"
          onChange={(event) => edit(leadId, event.target.value)}
          onBlur={() => flush(leadId)}
          onKeyDown={handleKeyDown}
        />
      )}
      <p className="notes__hint" id="notes-hint">
        {t('notes.editHint')}
      </p>
    </section>
  );
};
