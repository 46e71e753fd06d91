import { formatDateTime } from '@renderer/i18n/format';
import { Button } from '@renderer/ui/Button';
import { SCRIPT_KINDS } from '@shared/domain/script';
import { type TeamScript, TeamScriptsOutput } from '@shared/server/definitions';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../../../api/client';
import { useReport } from '../../boards/useReport';
import { useTeamBase } from '../state/useTeamBase';
import { ConfirmDialog } from './ConfirmDialog';
import { ListState } from './ListState';
import { ScriptEditor } from './ScriptEditor';

/** The manager's team scripts, by kind: edit one, add one, delete one after a confirmation. */
export const ScriptsPage = () => {
  const { t } = useTranslation();
  const base = useTeamBase();
  const list = useReport(`${base}/scripts`, TeamScriptsOutput, true);
  const [editing, setEditing] = useState<TeamScript | 'new' | null>(null);
  const [deleting, setDeleting] = useState<TeamScript | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const scripts = list.data?.scripts ?? [];

  const handleSaved = () => {
    setEditing(null);
    setNotice(t('console.definitions.saved'));
    void list.refresh();
  };

  return (
    <div className="console-page console-page--wide">
      <div className="board-head">
        <div>
          <h1 className="console-h1">{t('console.definitions.scripts.title')}</h1>
          <p className="section-hint">{t('console.definitions.scripts.hint')}</p>
        </div>
        <div className="board-head__actions">
          <Button variant="primary" onClick={() => setEditing('new')} data-testid="script-add">
            {t('console.definitions.scripts.add')}
          </Button>
        </div>
      </div>
      {notice ? (
        <p className="defs-ok" role="status">
          {notice}
        </p>
      ) : null}
      {editing ? (
        <ScriptEditor
          key={editing === 'new' ? 'new' : editing.id}
          base={base}
          script={editing === 'new' ? null : editing}
          onSaved={handleSaved}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      <ListState
        loading={list.loading}
        error={list.error}
        empty={list.data && scripts.length === 0 ? t('console.definitions.scripts.empty') : null}
        onRetry={() => void list.refresh()}
      />
      {SCRIPT_KINDS.map((kind) => {
        const ofKind = scripts.filter((script) => script.kind === kind);
        if (ofKind.length === 0) return null;
        return (
          <section key={kind} className="console-card" aria-labelledby={`scripts-${kind}`}>
            <h2 id={`scripts-${kind}`} className="section-title">
              {t(`scripts.kinds.${kind}`)}
            </h2>
            <ul className="defs-list">
              {ofKind.map((script) => (
                <li key={script.id} className="defs-item" data-testid="script-row">
                  <div className="defs-item__main">
                    <strong>{script.name}</strong>
                    <span className="muted">
                      {' '}
                      · {t(`scripts.languages.${script.language}`)} ·{' '}
                      {t('console.definitions.updated', { when: formatDateTime(script.updatedAt) })}
                    </span>
                    <p className="defs-item__body">{script.body}</p>
                  </div>
                  <div className="defs-item__actions">
                    <Button
                      size="s"
                      onClick={() => setEditing(script)}
                      aria-label={`${t('console.definitions.edit')}: ${script.name}`}
                    >
                      {t('console.definitions.edit')}
                    </Button>
                    <Button
                      size="s"
                      variant="danger"
                      onClick={() => setDeleting(script)}
                      aria-label={`${t('console.definitions.delete')}: ${script.name}`}
                    >
                      {t('console.definitions.delete')}
                    </Button>
                  </div>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      <ConfirmDialog
        open={deleting !== null}
        title={t('console.definitions.scripts.deleteTitle')}
        body={t('console.definitions.scripts.deleteBody', { name: deleting?.name ?? '' })}
        action={t('console.definitions.delete')}
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          if (!deleting) return;
          await callApi('DELETE', `${base}/scripts/${deleting.id}`, null);
          setNotice(t('console.definitions.saved'));
          await list.refresh();
        }}
      />
    </div>
  );
};
