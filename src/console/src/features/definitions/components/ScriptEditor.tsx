import { Button } from '@renderer/ui/Button';
import { Select } from '@renderer/ui/Select';
import { TextField } from '@renderer/ui/TextField';
import {
  SCRIPT_BODY_MAX,
  SCRIPT_KINDS,
  SCRIPT_LANGUAGES,
  type ScriptKind,
  type ScriptLanguage,
} from '@shared/domain/script';
import { VOICEMAIL_LIMIT_SECONDS } from '@shared/scripts/estimate';
import { SCRIPT_VARIABLES, type ScriptVariable } from '@shared/scripts/variables';
import { type PutTeamScriptInput, TeamScript } from '@shared/server/definitions';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../../../api/client';
import { useSubmit } from '../../../app/useSubmit';
import { checkScript } from '../utils/scriptCheck';

type ScriptEditorProps = {
  base: string;
  /** The script edited, or null for a new one. */
  script: TeamScript | null;
  onSaved: () => void;
  onCancel: () => void;
};

/**
 * One team script's form: name, kind, language and text, the variables a click away (inserted at the
 * cursor), the placeholder check as typed and, for a voicemail, whether it fits in 20 seconds.
 */
export const ScriptEditor = ({ base, script, onSaved, onCancel }: ScriptEditorProps) => {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<PutTeamScriptInput>(
    script
      ? { kind: script.kind, name: script.name, body: script.body, language: script.language }
      : { kind: 'voicemail', name: '', body: '', language: 'en' },
  );
  const [showVariables, setShowVariables] = useState(false);
  const body = useRef<HTMLTextAreaElement>(null);
  const { busy, error, submit } = useSubmit();
  const set = (patch: Partial<PutTeamScriptInput>) => setDraft((d) => ({ ...d, ...patch }));
  const check = checkScript(draft.body, draft.language, (name) => t(`scripts.variables.${name}`));

  const handleInsert = (name: ScriptVariable) => {
    const area = body.current;
    const token = `{{${name}}}`;
    const start = area?.selectionStart ?? draft.body.length;
    const end = area?.selectionEnd ?? draft.body.length;
    set({ body: draft.body.slice(0, start) + token + draft.body.slice(end) });
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  const handleSave = () =>
    submit(async () => {
      const id = script?.id ?? crypto.randomUUID();
      await callApi('PUT', `${base}/scripts/${id}`, TeamScript, {
        ...draft,
        name: draft.name.trim(),
        body: draft.body.trim(),
      });
      onSaved();
    });

  const bodyLength = draft.body.trim().length;
  const bodyTooLong = bodyLength > SCRIPT_BODY_MAX;
  // Why Save waits, said beside it: a name, some text, text that fits (placeholders are said above).
  const waitsFor =
    draft.name.trim() === ''
      ? t('console.definitions.scripts.needsName')
      : bodyLength === 0
        ? t('console.definitions.scripts.needsBody')
        : null;
  const canSave = waitsFor === null && !bodyTooLong && check.problems.length === 0;
  return (
    <section
      className="console-card defs-editor"
      aria-labelledby="script-editor-title"
      data-testid="script-editor"
    >
      <h2 id="script-editor-title" className="section-title">
        {script
          ? t('console.definitions.scripts.editTitle', { name: script.name })
          : t('console.definitions.scripts.newTitle')}
      </h2>
      <div className="defs-row">
        <TextField
          label={t('console.definitions.scripts.name')}
          value={draft.name}
          maxLength={120}
          onValueChange={(name) => set({ name })}
          data-testid="script-name"
        />
        <div className="field">
          <span className="field__label">{t('console.definitions.scripts.kind')}</span>
          <Select<ScriptKind>
            label={t('console.definitions.scripts.kind')}
            value={draft.kind}
            onValueChange={(kind) => set({ kind })}
            items={SCRIPT_KINDS.map((kind) => ({ value: kind, label: t(`scripts.kinds.${kind}`) }))}
            testId="script-kind"
          />
        </div>
        <div className="field">
          <span className="field__label">{t('console.definitions.scripts.language')}</span>
          <Select<ScriptLanguage>
            label={t('console.definitions.scripts.language')}
            value={draft.language}
            onValueChange={(language) => set({ language })}
            items={SCRIPT_LANGUAGES.map((language) => ({
              value: language,
              label: t(`scripts.languages.${language}`),
            }))}
          />
        </div>
      </div>
      <label className="field">
        <span className="field__label">{t('console.definitions.scripts.body')}</span>
        <textarea
          ref={body}
          className="input defs-body"
          rows={5}
          value={draft.body}
          onChange={(event) => set({ body: event.target.value })}
          aria-describedby="script-check script-length"
          data-testid="script-body"
        />
      </label>
      {/* No maxLength: a long paste arrives whole and is named here, never cut off unseen. */}
      <p
        id="script-length"
        className={bodyTooLong ? 'form-error' : 'field__hint'}
        role={bodyTooLong ? 'alert' : undefined}
        data-testid="script-length"
      >
        {bodyTooLong
          ? t('console.definitions.scripts.bodyTooLong', {
              count: bodyLength,
              max: SCRIPT_BODY_MAX,
              over: bodyLength - SCRIPT_BODY_MAX,
            })
          : t('console.definitions.scripts.bodyCount', { count: bodyLength, max: SCRIPT_BODY_MAX })}
      </p>
      <div className="defs-row defs-row--tight">
        <Button
          size="s"
          variant="ghost"
          aria-expanded={showVariables}
          aria-controls="script-variables"
          onClick={() => setShowVariables((shown) => !shown)}
          data-testid="script-variables-toggle"
        >
          {t('console.definitions.scripts.showVariables')}
        </Button>
        <p
          id="script-check"
          className={check.problems.length > 0 ? 'form-error' : 'defs-ok'}
          role="status"
          data-testid="script-check"
        >
          {check.problems.length > 0
            ? t('console.definitions.scripts.placeholdersBad', {
                list: check.problems.join(', '),
                example: '{{name}}',
              })
            : t('console.definitions.scripts.placeholdersOk')}
        </p>
      </div>
      {showVariables ? (
        <fieldset id="script-variables" className="defs-variables">
          <legend className="field__label">{t('console.definitions.scripts.variablesTitle')}</legend>
          <p className="field__hint">{t('console.definitions.scripts.variablesHint')}</p>
          <div className="defs-chips">
            {SCRIPT_VARIABLES.map((name) => (
              <Button
                key={name}
                size="s"
                onClick={() => handleInsert(name)}
                title={t(`scripts.variables.${name}`)}
              >
                {`{{${name}}}`}
              </Button>
            ))}
          </div>
        </fieldset>
      ) : null}
      {draft.kind === 'voicemail' ? (
        <p className={check.fits ? 'defs-ok' : 'form-error'} data-testid="script-fit">
          <strong>{t('console.definitions.scripts.voicemailFit')}: </strong>
          {t('scripts.gauge', { seconds: check.seconds, limit: VOICEMAIL_LIMIT_SECONDS })} ·{' '}
          {check.fits
            ? t('scripts.fits', { limit: VOICEMAIL_LIMIT_SECONDS })
            : t('scripts.over', { limit: VOICEMAIL_LIMIT_SECONDS })}
        </p>
      ) : (
        <p className="field__hint">{t('scripts.editor.estimate', { seconds: check.seconds })}</p>
      )}
      {error ? (
        <p className="form-error" role="alert" data-testid="script-error">
          {error}
        </p>
      ) : null}
      <div className="console-form__actions">
        <Button
          variant="primary"
          onClick={() => void handleSave()}
          disabled={busy || !canSave}
          data-testid="script-save"
        >
          {busy ? t('console.definitions.saving') : t('console.definitions.save')}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t('console.definitions.cancel')}
        </Button>
        {waitsFor ? (
          <span className="muted" data-testid="script-save-waits">
            {waitsFor}
          </span>
        ) : null}
      </div>
    </section>
  );
};
