import { formatDateTime } from '@renderer/i18n/format';
import { Button } from '@renderer/ui/Button';
import type { CadenceDefinition } from '@shared/domain/cadence';
import { TeamCadence, TeamCadencesOutput, TeamOutcomesOutput } from '@shared/server/definitions';
import { type ChangeEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../../../api/client';
import { useSubmit } from '../../../app/useSubmit';
import { useReport } from '../../boards/useReport';
import { useTeamBase } from '../state/useTeamBase';
import { cadenceFileText, readCadenceFile } from '../utils/cadenceDraft';
import { importFailureText } from '../utils/cadenceImport';
import { CadenceEditor } from './CadenceEditor';
import { ConfirmDialog } from './ConfirmDialog';
import { ListState } from './ListState';

/** Offers `text` as a download named `name`. */
const download = (name: string, text: string) => {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
};

const fileName = (name: string) =>
  `${name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'cadence'}.json`;

/**
 * The team's cadences: the list by priority, an editor for one (steps, waits, attempts, rules per
 * outcome), delete with a confirmation, and the desktop's JSON file format in and out.
 */
export const CadencesPage = () => {
  const { t } = useTranslation();
  const base = useTeamBase();
  const list = useReport(`${base}/cadences`, TeamCadencesOutput, true);
  const outcomes = useReport(`${base}/outcomes`, TeamOutcomesOutput);
  const [editing, setEditing] = useState<TeamCadence | 'new' | null>(null);
  const [deleting, setDeleting] = useState<TeamCadence | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const file = useRef<HTMLInputElement>(null);
  const importing = useSubmit();
  const cadences = list.data?.cadences ?? [];

  const handleSaved = () => {
    setEditing(null);
    setNotice(t('console.definitions.saved'));
    void list.refresh();
  };

  const handleImport = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    event.target.value = '';
    if (!chosen) return;
    void importing.submit(async () => {
      let definitions: CadenceDefinition[];
      try {
        definitions = readCadenceFile(await chosen.text());
      } catch (failure) {
        importing.setError(importFailureText(failure, t));
        return;
      }
      for (const definition of definitions) {
        const id = definition.id ?? crypto.randomUUID();
        await callApi('PUT', `${base}/cadences/${id}`, TeamCadence, { definition: { ...definition, id } });
      }
      setNotice(t('console.definitions.cadences.importDone', { count: definitions.length }));
      await list.refresh();
    });
  };

  return (
    <div className="console-page console-page--wide">
      <div className="board-head">
        <div>
          <h1 className="console-h1">{t('console.definitions.cadences.title')}</h1>
          <p className="section-hint">{t('console.definitions.cadences.hint')}</p>
        </div>
        <div className="board-head__actions">
          <input
            ref={file}
            type="file"
            accept="application/json,.json"
            className="visually-hidden"
            tabIndex={-1}
            aria-hidden="true"
            onChange={handleImport}
            data-testid="cadence-import-file"
          />
          <Button onClick={() => file.current?.click()} disabled={importing.busy}>
            {t('console.definitions.cadences.import')}
          </Button>
          <Button
            onClick={() => download('cadences.json', cadenceFileText(cadences.map((c) => c.definition)))}
            disabled={cadences.length === 0}
          >
            {t('console.definitions.cadences.export')}
          </Button>
          <Button variant="primary" onClick={() => setEditing('new')} data-testid="cadence-add">
            {t('console.definitions.cadences.add')}
          </Button>
        </div>
      </div>
      {notice ? (
        <p className="defs-ok" role="status">
          {notice}
        </p>
      ) : null}
      {importing.error ? (
        <p className="form-error" role="alert" data-testid="cadence-import-error">
          {importing.error}
        </p>
      ) : null}
      {editing ? (
        <CadenceEditor
          key={editing === 'new' ? 'new' : editing.definition.id}
          base={base}
          cadence={editing === 'new' ? null : editing}
          outcomes={outcomes.data?.outcomes ?? []}
          onSaved={handleSaved}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      <ListState
        loading={list.loading}
        error={list.error}
        empty={list.data && cadences.length === 0 ? t('console.definitions.cadences.empty') : null}
        onRetry={() => void list.refresh()}
      />
      {cadences.length > 0 ? (
        <section className="console-card">
          <ul className="defs-list">
            {cadences.map((cadence) => (
              <li key={cadence.definition.id} className="defs-item" data-testid="cadence-row">
                <div className="defs-item__main">
                  <strong>{cadence.definition.name}</strong>
                  <span className="muted">
                    {' '}
                    · {t('console.definitions.cadences.steps', { count: cadence.definition.steps.length })} ·{' '}
                    {t('console.definitions.cadences.priority')} {cadence.definition.priority} ·{' '}
                    {t('console.definitions.updated', { when: formatDateTime(cadence.updatedAt) })}
                  </span>
                  {cadence.definition.description ? (
                    <p className="defs-item__body">{cadence.definition.description}</p>
                  ) : null}
                </div>
                <div className="defs-item__actions">
                  <Button
                    size="s"
                    onClick={() => setEditing(cadence)}
                    aria-label={`${t('console.definitions.edit')}: ${cadence.definition.name}`}
                  >
                    {t('console.definitions.edit')}
                  </Button>
                  <Button
                    size="s"
                    onClick={() =>
                      download(fileName(cadence.definition.name), cadenceFileText([cadence.definition]))
                    }
                    aria-label={`${t('console.definitions.cadences.exportOne')}: ${cadence.definition.name}`}
                  >
                    {t('console.definitions.cadences.exportOne')}
                  </Button>
                  <Button
                    size="s"
                    variant="danger"
                    onClick={() => setDeleting(cadence)}
                    aria-label={`${t('console.definitions.delete')}: ${cadence.definition.name}`}
                  >
                    {t('console.definitions.delete')}
                  </Button>
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <ConfirmDialog
        open={deleting !== null}
        title={t('console.definitions.cadences.deleteTitle')}
        body={t('console.definitions.cadences.deleteBody', { name: deleting?.definition.name ?? '' })}
        action={t('console.definitions.delete')}
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          if (!deleting) return;
          await callApi('DELETE', `${base}/cadences/${deleting.definition.id}`, null);
          setNotice(t('console.definitions.saved'));
          await list.refresh();
        }}
      />
    </div>
  );
};
