import {
  SCRIPT_KINDS,
  SCRIPT_LANGUAGES,
  type Script,
  type ScriptDefinition,
  type ScriptKind,
  type ScriptLanguage,
  type ScriptScope,
} from '@shared/domain/script';
import { estimateReading } from '@shared/scripts/estimate';
import { fillTemplate, SCRIPT_VARIABLES } from '@shared/scripts/variables';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/client';
import { currentLocale } from '../../../i18n';
import { Button } from '../../../ui/Button';
import { Select } from '../../../ui/Select';
import { useSettingsStore } from '../../settings/state/settingsStore';
import { TeamDefinitionsNote } from '../../sync/components/TeamDefinitionsNote';
import { useTeamDefinitionsReadOnly } from '../../sync/hooks/useTeamDefinitionsReadOnly';
import { useScriptsStore } from '../state/scriptsStore';
import { displayScript } from '../utils/displayScript';
import './scripts.css';

const SCOPES: readonly ScriptScope[] = ['team', 'personal'];
const PERSONAL_ONLY: readonly ScriptScope[] = ['personal'];

const blank = (): ScriptDefinition => ({
  kind: 'voicemail',
  scope: 'personal',
  name: '',
  body: '',
  language: currentLocale(),
});

/** The rep's name and callback number, which scripts fill in as {{repName}} and {{repPhone}}. */
const RepFields = () => {
  const { t } = useTranslation();
  const settings = useSettingsStore((s) => s.settings);
  const update = useSettingsStore((s) => s.update);
  const [name, setName] = useState(settings.repName);
  const [phone, setPhone] = useState(settings.repPhone);
  useEffect(() => setName(settings.repName), [settings.repName]);
  useEffect(() => setPhone(settings.repPhone), [settings.repPhone]);
  return (
    <fieldset className="script-editor__rep">
      <legend className="field__label">{t('scripts.rep.title')}</legend>
      <label className="field">
        <span className="field__label">{t('scripts.rep.repName')}</span>
        <input
          className="input"
          value={name}
          maxLength={120}
          onChange={(e) => setName(e.target.value)}
          onBlur={() => (name !== settings.repName ? void update({ repName: name }) : undefined)}
          data-testid="rep-name"
        />
      </label>
      <label className="field">
        <span className="field__label">{t('scripts.rep.repPhone')}</span>
        <input
          className="input"
          value={phone}
          maxLength={40}
          inputMode="tel"
          onChange={(e) => setPhone(e.target.value)}
          onBlur={() => (phone !== settings.repPhone ? void update({ repPhone: phone }) : undefined)}
          data-testid="rep-phone"
        />
      </label>
    </fieldset>
  );
};

/** The form for one script, with the variables it may use and its reading time as typed. */
const ScriptForm = ({
  initial,
  scopes,
  onDone,
}: {
  initial: ScriptDefinition;
  /** The scopes this user may save (a signed-in rep or AE: personal only). */
  scopes: readonly ScriptScope[];
  onDone: () => void;
}) => {
  const { t } = useTranslation();
  const save = useScriptsStore((s) => s.save);
  const [draft, setDraft] = useState<ScriptDefinition>(initial);
  const [error, setError] = useState<string | null>(null);
  const set = (patch: Partial<ScriptDefinition>) => setDraft((d) => ({ ...d, ...patch }));
  // Timed with every variable as its own name, so the estimate is there before a lead is chosen.
  const sample = fillTemplate(draft.body, {})
    .map((s) => (s.kind === 'text' ? s.text : t(`scripts.variables.${s.name}`)))
    .join('');
  const seconds = estimateReading(sample, draft.language).seconds;

  const handleSave = async () => {
    try {
      setError(null);
      await save(draft);
      onDone();
    } catch (e) {
      setError(t('scripts.editor.saveFailed', { message: errorMessage(e) }));
    }
  };

  return (
    <div className="script-editor__form" data-testid="script-form">
      <div className="script-editor__row">
        <label className="field">
          <span className="field__label">{t('scripts.editor.name')}</span>
          <input
            className="input"
            value={draft.name}
            maxLength={120}
            onChange={(e) => set({ name: e.target.value })}
            data-testid="script-name"
          />
        </label>
        <div className="field">
          <span className="field__label">{t('scripts.editor.kind')}</span>
          <Select<ScriptKind>
            label={t('scripts.editor.kind')}
            size="s"
            value={draft.kind}
            onValueChange={(kind) => set({ kind })}
            items={SCRIPT_KINDS.map((k) => ({ value: k, label: t(`scripts.kinds.${k}`) }))}
          />
        </div>
        <div className="field">
          <span className="field__label">{t('scripts.editor.scope')}</span>
          <Select<ScriptScope>
            label={t('scripts.editor.scope')}
            size="s"
            value={draft.scope}
            onValueChange={(scope) => set({ scope })}
            items={scopes.map((s) => ({ value: s, label: t(`scripts.scopes.${s}`) }))}
          />
        </div>
        <div className="field">
          <span className="field__label">{t('scripts.editor.language')}</span>
          <Select<ScriptLanguage>
            label={t('scripts.editor.language')}
            size="s"
            value={draft.language}
            onValueChange={(language) => set({ language })}
            items={SCRIPT_LANGUAGES.map((l) => ({ value: l, label: t(`scripts.languages.${l}`) }))}
          />
        </div>
      </div>
      <label className="field">
        <span className="field__label">{t('scripts.editor.body')}</span>
        <textarea
          className="input script-editor__body"
          value={draft.body}
          maxLength={4000}
          rows={4}
          onChange={(e) => set({ body: e.target.value })}
          data-testid="script-body"
        />
        <span className="field__hint">
          {t('scripts.editor.variables', { list: SCRIPT_VARIABLES.map((v) => `{{${v}}}`).join(' ') })}
        </span>
        <span className="field__hint" data-testid="script-form-seconds">
          {t('scripts.editor.estimate', { seconds })}
        </span>
      </label>
      {error ? (
        <p className="form-error" role="alert" data-testid="script-form-error">
          {error}
        </p>
      ) : null}
      <div className="script-editor__actions">
        <Button variant="primary" size="s" onClick={() => void handleSave()} data-testid="script-save">
          {t('scripts.editor.save')}
        </Button>
        <Button variant="ghost" size="s" onClick={onDone}>
          {t('scripts.editor.cancel')}
        </Button>
      </div>
    </div>
  );
};

/**
 * Settings › Scripts: the team's and the rep's scripts, each editable or removable, and a new one. A
 * signed-in rep or AE sees the team's scripts read-only (the manager edits them in the console) and
 * writes personal ones only.
 */
export const ScriptsSettings = () => {
  const { t } = useTranslation();
  const readOnly = useTeamDefinitionsReadOnly();
  const scripts = useScriptsStore((s) => s.scripts);
  const load = useScriptsStore((s) => s.load);
  const remove = useScriptsStore((s) => s.remove);
  const [editing, setEditing] = useState<ScriptDefinition | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => void load(), [load]);

  const handleEdit = (script: Script) => {
    const shown = displayScript(script, currentLocale());
    setEditing({ ...script, name: shown.name, body: shown.body, language: shown.language });
  };
  const handleRemove = async (id: string) => {
    try {
      setError(null);
      await remove(id);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <div className="script-editor" data-testid="scripts-settings">
      <RepFields />
      <div className="script-editor__head">
        <h3 className="section-title">{t('scripts.editor.title')}</h3>
        <Button size="s" onClick={() => setEditing(blank())} data-testid="script-add">
          {t('scripts.editor.add')}
        </Button>
      </div>
      {editing ? (
        <ScriptForm
          key={editing.id ?? 'new'}
          initial={editing}
          scopes={readOnly ? PERSONAL_ONLY : SCOPES}
          onDone={() => setEditing(null)}
        />
      ) : null}
      {readOnly ? <TeamDefinitionsNote area="scripts" /> : null}
      {error ? <p className="form-error">{error}</p> : null}
      <ul className="script-editor__list">
        {scripts.map((script) => {
          const shown = displayScript(script, currentLocale());
          return (
            <li key={script.id} className="script-editor__item" data-testid="script-item">
              <div className="script-editor__meta">
                <span className="script-editor__name">{shown.name}</span>
                <span className="muted">
                  {t(`scripts.kinds.${script.kind}`)} · {t(`scripts.scopes.${script.scope}`)}
                  {script.builtin ? ` · ${t('scripts.editor.builtin')}` : ''}
                </span>
              </div>
              {readOnly && script.scope === 'team' ? null : (
                <div className="script-editor__item-actions">
                  <Button size="s" variant="ghost" onClick={() => handleEdit(script)}>
                    {t('scripts.editor.edit')}
                  </Button>
                  <Button size="s" variant="ghost" onClick={() => void handleRemove(script.id)}>
                    {t('scripts.editor.delete')}
                  </Button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
};
