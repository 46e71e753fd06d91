import type { BantAnswer } from '@shared/domain/qualification';
import { type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQualificationStore } from '../state/qualificationStore';

const BantRow = ({ leadId, answer }: { leadId: string; answer: BantAnswer }) => {
  const { t } = useTranslation();
  const setBant = useQualificationStore((s) => s.setBant);
  const [note, setNote] = useState(answer.note);
  const label = t(`qualification.bant.${answer.criterion}`);
  const toggleId = `bant-${answer.criterion}`;
  const saveNote = () => {
    if (note.trim() !== answer.note) void setBant(leadId, answer.criterion, { note: note.trim() });
  };
  const handleNoteKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      saveNote();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setNote(answer.note);
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
          onChange={(event) => void setBant(leadId, answer.criterion, { confirmed: event.target.checked })}
          data-testid={`bant-${answer.criterion}`}
        />
        <span className="bant__name">{label}</span>
        <span className="bant__question">{t(`qualification.bantQuestion.${answer.criterion}`)}</span>
      </label>
      <input
        className="input bant__note"
        value={note}
        maxLength={2000}
        placeholder={t('qualification.notePlaceholder')}
        aria-label={t('qualification.noteLabel', { criterion: label })}
        onChange={(event) => setNote(event.target.value)}
        onBlur={saveNote}
        onKeyDown={handleNoteKeyDown}
        data-testid={`bant-note-${answer.criterion}`}
      />
    </li>
  );
};

/** The four BANT criteria: a toggle and a note each, saved as the rep goes. */
export const BantList = ({ leadId, bant }: { leadId: string; bant: BantAnswer[] }) => (
  <ul className="bant">
    {bant.map((answer) => (
      <BantRow key={`${answer.criterion}-${answer.updatedAt}`} leadId={leadId} answer={answer} />
    ))}
  </ul>
);
