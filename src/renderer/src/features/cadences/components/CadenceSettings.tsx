import type { Cadence } from '@shared/domain/cadence';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, invoke, onEvent } from '../../../api/client';
import { Button } from '../../../ui/Button';
import { showToast } from '../../../ui/toastStore';
import { useOutcomeStore } from '../../outcomes/state/outcomeStore';
import { TeamDefinitionsNote } from '../../sync/components/TeamDefinitionsNote';
import { useTeamDefinitionsReadOnly } from '../../sync/hooks/useTeamDefinitionsReadOnly';
import { type CadenceDraft, newCadence, toDefinition, toDraft } from '../utils/draft';
import { cadenceSummary } from '../utils/summary';
import { CadenceEditor } from './CadenceEditor';
import './cadences.css';
import { builtinText } from '../../../i18n/builtinText';

const download = (json: string, name: string) => {
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

/**
 * The team's cadences: pick one, edit it as a form, save; or move them in and out as JSON files. A
 * signed-in rep or AE sees them read-only with a line saying the manager edits them in the console.
 * A cadence changed elsewhere (a sync, another window) shows at once unless an edit is under way.
 */
export const CadenceSettings = () => {
  const { t } = useTranslation();
  const readOnly = useTeamDefinitionsReadOnly();
  const [cadences, setCadences] = useState<Cadence[]>([]);
  const [draft, setDraft] = useState<CadenceDraft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const loadOutcomes = useOutcomeStore((s) => s.load);
  const outcomesLoaded = useOutcomeStore((s) => s.loaded);

  const reload = useCallback(async (selectId?: string) => {
    const list = await invoke('cadences.list', {});
    setCadences(list);
    const pick = list.find((c) => c.id === selectId) ?? list[0];
    setDraft(pick ? toDraft(pick) : null);
    setDirty(false);
  }, []);

  useEffect(() => {
    if (!outcomesLoaded) void loadOutcomes();
    reload().catch((e: unknown) => setError(errorMessage(e)));
  }, [reload, loadOutcomes, outcomesLoaded]);

  const shown = useRef<{ id: string | undefined; dirty: boolean }>({ id: undefined, dirty: false });
  shown.current = { id: draft?.id, dirty };
  useEffect(
    () =>
      onEvent('queue:changed', ({ reason }) => {
        if (reason !== 'cadence' || shown.current.dirty) return;
        reload(shown.current.id).catch((e: unknown) => setError(errorMessage(e)));
      }),
    [reload],
  );

  // The core names the first bad field by its path (e.g. `cadence.steps.1.title`).
  const stepMatch = error ? /steps\.(\d+)/.exec(error) : null;
  const invalidStep = stepMatch ? Number(stepMatch[1]) : null;

  const run = async (action: () => Promise<void>) => {
    try {
      setError(null);
      await action();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const save = () =>
    run(async () => {
      if (!draft) return;
      const saved = await invoke('cadences.save', { cadence: toDefinition(draft) });
      await reload(saved.id);
      showToast('success', t('cadences.saved', { name: saved.name }));
    });

  const remove = () =>
    run(async () => {
      if (!draft?.id) return;
      await invoke('cadences.delete', { id: draft.id });
      await reload();
    });

  const exportAll = () =>
    run(async () => {
      const { json } = await invoke('cadences.export', {});
      download(json, 'dialdeck-cadences.json');
    });

  const importFile = (file: File) =>
    run(async () => {
      const { saved } = await invoke('cadences.import', { json: await file.text() });
      await reload(saved[0]?.id);
      showToast('success', t('cadences.imported', { count: saved.length }));
    });

  return (
    <section className="cadences" aria-labelledby="cadences-title" data-testid="cadence-settings">
      <div className="cadences__side">
        <h3 className="section-title" id="cadences-title">
          {t('cadences.title')}
        </h3>
        {readOnly ? <TeamDefinitionsNote area="cadences" /> : null}
        <ul className="cadences__list">
          {cadences.map((cadence) => (
            <li key={cadence.id}>
              <button
                type="button"
                className="cadences__item"
                aria-current={draft?.id === cadence.id ? 'true' : undefined}
                onClick={() => {
                  setDraft(toDraft(cadence));
                  setDirty(false);
                  setError(null);
                }}
              >
                <span>{builtinText(cadence.name)}</span>
                <span className="muted">
                  {cadenceSummary(t, cadence.steps.length, cadence.activeEnrollments)}
                </span>
              </button>
            </li>
          ))}
        </ul>
        <div className="cadences__tools">
          {readOnly ? null : (
            <>
              <Button
                size="s"
                onClick={() => {
                  setDraft(newCadence(t('cadences.newName'), (n) => t('cadences.stepN', { n })));
                  setDirty(true);
                }}
                data-testid="cadence-new"
              >
                {t('cadences.new')}
              </Button>
              <label className="btn btn--ghost btn--s cadences__import">
                {t('cadences.import')}
                <input
                  type="file"
                  accept="application/json,.json"
                  className="visually-hidden"
                  data-testid="cadence-import"
                  onChange={(event) => {
                    const file = event.target.files?.[0];
                    event.target.value = '';
                    if (file) void importFile(file);
                  }}
                />
              </label>
            </>
          )}
          <Button size="s" variant="ghost" onClick={() => void exportAll()} data-testid="cadence-export">
            {t('cadences.export')}
          </Button>
        </div>
      </div>
      <div className="cadences__main">
        {draft ? (
          <>
            {error ? (
              <p className="form-error" role="alert" data-testid="cadence-error">
                {invalidStep === null
                  ? t('cadences.saveFailed', { message: error })
                  : t('cadences.saveFailedStep', { step: invalidStep + 1, message: error })}
              </p>
            ) : null}
            <fieldset className="team-definitions-fieldset" disabled={readOnly}>
              <CadenceEditor
                draft={draft}
                invalidStep={invalidStep}
                onChange={(next) => {
                  setDraft(next);
                  setDirty(true);
                }}
              />
            </fieldset>
            {readOnly ? null : (
              <div className="cadences__actions">
                {draft.id ? (
                  <Button variant="ghost" onClick={() => void remove()}>
                    {t('cadences.delete')}
                  </Button>
                ) : null}
                <Button
                  variant="primary"
                  disabled={!dirty}
                  onClick={() => void save()}
                  data-testid="cadence-save"
                >
                  {t('cadences.save')}
                </Button>
              </div>
            )}
          </>
        ) : error ? (
          <p className="form-error">{error}</p>
        ) : null}
      </div>
    </section>
  );
};
