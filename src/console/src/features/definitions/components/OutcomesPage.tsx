import { Button } from '@renderer/ui/Button';
import { LEAD_STATUSES, LeadStatus } from '@shared/domain/lead';
import { type Outcome, OutcomeEffect, outcomeSetProblems } from '@shared/domain/outcome';
import { TeamOutcomesOutput } from '@shared/server/definitions';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../../../api/client';
import { useSubmit } from '../../../app/useSubmit';
import { useReport } from '../../boards/useReport';
import { useTeamBase } from '../state/useTeamBase';
import { moveOutcome, newOutcome, newOutcomeProblem, withEffect } from '../utils/outcomeDraft';
import { labelToKeep, shownOutcomeLabel } from '../utils/outcomeLabels';
import { ListState } from './ListState';

/**
 * The team's outcome set as a table: relabel, switch on or off, reorder, set the status after, the
 * effect and whether it counts as a conversation, and add the team's own outcomes. Built-ins stay.
 */
export const OutcomesPage = () => {
  const { t } = useTranslation();
  const base = useTeamBase();
  const set = useReport(`${base}/outcomes`, TeamOutcomesOutput);
  const [draft, setDraft] = useState<Outcome[] | null>(null);
  const [newId, setNewId] = useState('');
  const [newLabel, setNewLabel] = useState('');
  const [addProblem, setAddProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, submit } = useSubmit();
  const outcomes = draft ?? set.data?.outcomes ?? [];

  const change = (index: number, next: Outcome) =>
    setDraft(outcomes.map((outcome, i) => (i === index ? next : outcome)));

  const handleAdd = (event: FormEvent) => {
    event.preventDefault();
    const id = newId.trim();
    const problem = newOutcomeProblem(outcomes, id, newLabel);
    if (problem) {
      setAddProblem(t(`console.definitions.outcomes.${problem}`));
      return;
    }
    setAddProblem(null);
    setDraft([...outcomes, newOutcome(id, newLabel, outcomes.length)]);
    setNewId('');
    setNewLabel('');
  };

  const handleSave = () =>
    submit(async () => {
      const saved = await callApi('PUT', `${base}/outcomes`, TeamOutcomesOutput, {
        outcomes: outcomes.map((outcome) => ({ ...outcome, label: outcome.label.trim() })),
      });
      setDraft(saved.outcomes);
      setNotice(t('console.definitions.saved'));
      await set.refresh();
      setDraft(null);
    });

  const labelsOk =
    outcomes.every((outcome) => outcome.label.trim() !== '') && outcomeSetProblems(outcomes).length === 0;
  return (
    <div className="console-page console-page--wide">
      <div className="board-head">
        <div>
          <h1 className="console-h1">{t('console.definitions.outcomes.title')}</h1>
          <p className="section-hint">{t('console.definitions.outcomes.hint')}</p>
          {set.data && !set.data.edited ? (
            <p className="section-hint">{t('console.definitions.outcomes.defaults')}</p>
          ) : null}
        </div>
        <div className="board-head__actions">
          {draft ? <span className="muted">{t('console.definitions.outcomes.unsaved')}</span> : null}
          <Button
            variant="primary"
            onClick={() => void handleSave()}
            disabled={busy || draft === null || !labelsOk}
            data-testid="outcomes-save"
          >
            {busy ? t('console.definitions.saving') : t('console.definitions.save')}
          </Button>
        </div>
      </div>
      {notice && draft === null ? (
        <p className="defs-ok" role="status">
          {notice}
        </p>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {!labelsOk ? <p className="form-error">{t('console.definitions.outcomes.labelMissing')}</p> : null}
      <ListState loading={set.loading} error={set.error} empty={null} onRetry={() => void set.refresh()} />
      {outcomes.length > 0 ? (
        <section className="console-card board-scroll">
          <table className="console-table defs-table" data-testid="outcomes-table">
            <thead>
              <tr>
                <th scope="col">{t('console.definitions.outcomes.order')}</th>
                <th scope="col">{t('console.definitions.outcomes.label')}</th>
                <th scope="col">{t('console.definitions.outcomes.active')}</th>
                <th scope="col">{t('console.definitions.outcomes.status')}</th>
                <th scope="col">{t('console.definitions.outcomes.effect')}</th>
                <th scope="col">{t('console.definitions.outcomes.connected')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('console.definitions.outcomes.id')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {outcomes.map((outcome, index) => {
                const shown = shownOutcomeLabel(outcome, t);
                return (
                  <tr key={outcome.id} data-testid="outcome-row" data-outcome={outcome.id}>
                    <td className="defs-order">
                      <Button
                        size="s"
                        variant="ghost"
                        disabled={index === 0}
                        onClick={() => setDraft(moveOutcome(outcomes, index, -1))}
                        aria-label={t('console.definitions.outcomes.moveUp', { label: shown })}
                      >
                        ↑
                      </Button>
                      <Button
                        size="s"
                        variant="ghost"
                        disabled={index === outcomes.length - 1}
                        onClick={() => setDraft(moveOutcome(outcomes, index, 1))}
                        aria-label={t('console.definitions.outcomes.moveDown', { label: shown })}
                      >
                        ↓
                      </Button>
                    </td>
                    <td>
                      <input
                        className="input"
                        value={shown}
                        maxLength={80}
                        aria-label={`${t('console.definitions.outcomes.label')} (${outcome.id})`}
                        onChange={(event) =>
                          change(index, { ...outcome, label: labelToKeep(outcome, event.target.value, t) })
                        }
                        data-testid="outcome-label"
                      />
                    </td>
                    <td>
                      <input
                        type="checkbox"
                        checked={outcome.active}
                        aria-label={`${t('console.definitions.outcomes.active')} (${shown})`}
                        onChange={(event) => change(index, { ...outcome, active: event.target.checked })}
                      />
                    </td>
                    <td>
                      <select
                        className="input"
                        value={outcome.status ?? ''}
                        aria-label={`${t('console.definitions.outcomes.status')} (${shown})`}
                        onChange={(event) =>
                          change(index, {
                            ...outcome,
                            status: event.target.value === '' ? null : LeadStatus.parse(event.target.value),
                          })
                        }
                      >
                        <option value="">{t('console.definitions.outcomes.statusKeep')}</option>
                        {LEAD_STATUSES.map((status) => (
                          <option key={status} value={status}>
                            {t(`status.${status}`)}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <select
                        className="input"
                        value={outcome.effect}
                        aria-label={`${t('console.definitions.outcomes.effect')} (${shown})`}
                        onChange={(event) =>
                          change(index, withEffect(outcome, OutcomeEffect.parse(event.target.value)))
                        }
                      >
                        {OutcomeEffect.options.map((effect) => (
                          <option key={effect} value={effect}>
                            {t(`console.definitions.outcomes.effects.${effect}`)}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <input
                        type="checkbox"
                        checked={outcome.connected}
                        aria-label={`${t('console.definitions.outcomes.connected')} (${shown})`}
                        onChange={(event) => change(index, { ...outcome, connected: event.target.checked })}
                      />
                    </td>
                    <td className="defs-id">
                      <code>{outcome.id}</code>{' '}
                      {outcome.builtin ? (
                        <span className="muted">{t('console.definitions.outcomes.builtin')}</span>
                      ) : (
                        <Button
                          size="s"
                          variant="ghost"
                          onClick={() => setDraft(outcomes.filter((_, i) => i !== index))}
                          aria-label={t('console.definitions.outcomes.remove', { label: shown })}
                        >
                          ✕
                        </Button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      ) : null}
      {set.data ? (
        <section className="console-card" aria-labelledby="outcome-add">
          <h2 id="outcome-add" className="section-title">
            {t('console.definitions.outcomes.add')}
          </h2>
          <form className="console-form console-form--inline defs-add-form" onSubmit={handleAdd}>
            <label className="field">
              <span className="field__label">{t('console.definitions.outcomes.newId')}</span>
              <input
                className="input"
                value={newId}
                maxLength={40}
                onChange={(e) => setNewId(e.target.value)}
              />
            </label>
            <label className="field">
              <span className="field__label">{t('console.definitions.outcomes.newLabel')}</span>
              <input
                className="input"
                value={newLabel}
                maxLength={80}
                onChange={(e) => setNewLabel(e.target.value)}
              />
            </label>
            <Button type="submit">{t('console.definitions.outcomes.add')}</Button>
          </form>
          {addProblem ? (
            <p className="form-error" role="alert">
              {addProblem}
            </p>
          ) : null}
        </section>
      ) : null}
    </div>
  );
};
