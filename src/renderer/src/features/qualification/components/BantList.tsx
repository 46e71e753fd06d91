import type { BantAnswer } from '@shared/domain/qualification';
import { type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQualificationStore } from '../state/qualificationStore';

const BantRow = ({ leadId, answer, readOnly }: { leadId: string; answer: BantAnswer; readOnly: boolean }) => {
  const { t } = useTranslation();
  const setBant = useQualificationStore((s) => s.setBant);
  // What the rep is typing; null shows the stored note.
  const [draft, setDraft] = useState<string | null>(null);
  const note = draft ?? answer.note;
  const label = t(`qualification.bant.${answer.criterion}`);
  const toggleId = `bant-${answer.criterion}`;
  const question = t(`qualification.bantQuestion.${answer.criterion}`);
  const saveNote = () => {
    if (!readOnly && draft !== null && draft.trim() !== answer.note)
      void setBant(leadId, answer.criterion, { note: draft.trim() });
    setDraft(null);
  };
  const handleNoteKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      saveNote();
    } else if (event.key === 'Escape') {
      // As in the research notes, Esc keeps what was typed and leaves the field (blur saves it).
      event.preventDefault();
      event.currentTarget.blur();
    }
  };
  return (
    <li className={`bant__row${answer.confirmed ? ' bant__row--confirmed' : ''}`}>
      <label className="bant__toggle" htmlFor={toggleId}>
        <input
          id={toggleId}
          type="checkbox"
          checked={answer.confirmed}
          disabled={readOnly}
          onChange={(event) => void setBant(leadId, answer.criterion, { confirmed: event.target.checked })}
          data-testid={`bant-${answer.criterion}`}
        />
        <span className="bant__name">{label}</span>
      </label>
      <input
        className="input bant__note"
        value={note}
        readOnly={readOnly}
        maxLength={2000}
        // The hard question to ask (PLAYBOOK, On the call) prompts the note.
        placeholder={question}
        title={question}
        aria-label={t('qualification.noteLabel', { criterion: label })}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={saveNote}
        onKeyDown={handleNoteKeyDown}
        data-testid={`bant-note-${answer.criterion}`}
      />
    </li>
  );
};

/**
 * The four BANT criteria: a toggle and a note each, saved as the rep goes; read-only once the lead is
 * handed off (the core refuses edits then with `handoff_already_handed_off`).
 */
export const BantList = ({
  leadId,
  bant,
  readOnly = false,
}: {
  leadId: string;
  bant: BantAnswer[];
  readOnly?: boolean;
}) => (
  <ul className="bant">
    {bant.map((answer) => (
      <BantRow key={answer.criterion} leadId={leadId} answer={answer} readOnly={readOnly} />
    ))}
  </ul>
);
