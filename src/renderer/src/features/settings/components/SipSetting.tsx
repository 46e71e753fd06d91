import { SipSettings, type SipSettingsView } from '@shared/api/telephony-sip';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, invoke } from '../../../api/client';
import { Button } from '../../../ui/Button';
import { runsInBrowser } from '../../calling/utils/host';

type Draft = {
  websocketUrl: string;
  sipUri: string;
  authorizationUser: string;
  displayName: string;
  password: string;
};
type FieldError = 'invalidWebsocketUrl' | 'invalidSipUri' | 'passwordNeeded';

const EMPTY: Draft = { websocketUrl: '', sipUri: '', authorizationUser: '', displayName: '', password: '' };

/** The form's fields for saved settings; the password field starts empty (the saved one is never shown). */
const draftOf = (view: SipSettingsView): Draft => ({ ...EMPTY, ...(view.settings ?? {}) });

/** The draft's first problem per field, checked with the contract's own schema before anything is sent. */
const problemsOf = (draft: Draft, passwordSet: boolean): Partial<Record<keyof Draft, FieldError>> => {
  const problems: Partial<Record<keyof Draft, FieldError>> = {};
  if (!SipSettings.shape.websocketUrl.safeParse(draft.websocketUrl).success)
    problems.websocketUrl = 'invalidWebsocketUrl';
  if (!SipSettings.shape.sipUri.safeParse(draft.sipUri).success) problems.sipUri = 'invalidSipUri';
  if (!passwordSet && draft.password === '') problems.password = 'passwordNeeded';
  return problems;
};

/** Settings → SIP calling: the PBX's WebSocket address, the rep's SIP address and password (kept in the keychain). */
export const SipSetting = () => {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [passwordSet, setPasswordSet] = useState(false);
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const show = (view: SipSettingsView) => {
    setPasswordSet(view.passwordSet);
    setDraft(draftOf(view));
    setChecked(false);
  };
  useEffect(() => {
    invoke('telephony.sipSettings', {}).then(
      (view) => {
        setPasswordSet(view.passwordSet);
        setDraft(draftOf(view));
      },
      (failure: unknown) => setError(errorMessage(failure)),
    );
  }, []);

  const problems = checked ? problemsOf(draft, passwordSet) : {};
  const edit = (field: keyof Draft) => (event: { target: { value: string } }) => {
    setDraft((current) => ({ ...current, [field]: event.target.value }));
    setStatus(null);
  };

  const save = async () => {
    setChecked(true);
    setError(null);
    if (Object.keys(problemsOf(draft, passwordSet)).length > 0) return;
    setBusy(true);
    try {
      const { password, ...settings } = draft;
      show(await invoke('telephony.saveSipSettings', { settings, ...(password ? { password } : {}) }));
      setStatus(t(runsInBrowser() ? 'sip.savedFile' : 'sip.saved'));
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const forget = async () => {
    setError(null);
    try {
      show(await invoke('telephony.forgetSipSettings', {}));
      setStatus(t('sip.forgotten'));
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  const field = (
    name: keyof Draft,
    label: string,
    options: { hint?: string; type?: string; placeholder?: string },
  ) => {
    const problem = problems[name];
    const hintId = `${id}-${name}-hint`;
    return (
      <label className="field">
        <span className="field__label">{label}</span>
        <input
          className="input"
          type={options.type ?? 'text'}
          value={draft[name]}
          placeholder={options.placeholder}
          autoComplete={name === 'password' ? 'new-password' : 'off'}
          spellCheck={false}
          aria-invalid={problem ? true : undefined}
          aria-describedby={hintId}
          onChange={edit(name)}
          data-testid={`sip-${name}`}
        />
        <span id={hintId} className={problem ? 'form-error' : 'field__hint'}>
          {problem ? t(`sip.${problem}`) : options.hint}
        </span>
      </label>
    );
  };

  return (
    <fieldset className="field" data-testid="settings-sip">
      <legend className="field__label">{t('sip.title')}</legend>
      <span className="field__hint">{t('sip.hint')}</span>
      {field('websocketUrl', t('sip.websocketUrl'), {
        hint: t('sip.websocketUrlHint'),
        type: 'url',
        placeholder: 'wss://',
      })}
      {field('sipUri', t('sip.sipUri'), { hint: t('sip.sipUriHint'), placeholder: 'sip:' })}
      {field('authorizationUser', t('sip.authorizationUser'), { hint: t('sip.authorizationUserHint') })}
      {field('displayName', t('sip.displayName'), {})}
      {field('password', t('sip.password'), {
        type: 'password',
        ...(passwordSet
          ? {
              hint: t(runsInBrowser() ? 'sip.passwordKeptFile' : 'sip.passwordKept'),
              placeholder: '••••••••',
            }
          : {}),
      })}
      <div className="settings__actions">
        <Button onClick={() => void save()} disabled={busy} data-testid="sip-save">
          {busy ? t('sip.saving') : t('sip.save')}
        </Button>
        {passwordSet ? (
          <Button variant="ghost" onClick={() => void forget()} data-testid="sip-forget">
            {t('sip.forget')}
          </Button>
        ) : null}
      </div>
      <span className="field__hint" role="status" data-testid="sip-status">
        {status ?? ''}
      </span>
      {error ? <p className="form-error">{error}</p> : null}
    </fieldset>
  );
};
