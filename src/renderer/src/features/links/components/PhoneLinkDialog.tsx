import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/client';
import { useDialogStore } from '../../../app/dialogStore';
import { Button } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';
import { usePhoneLinkStore } from '../state/phoneLinkStore';

/** The form that adds a lead for a number no lead has. */
const NewLeadForm = ({ number, onDone }: { number: string; onDone: () => void }) => {
  const { t } = useTranslation();
  const createLead = usePhoneLinkStore((s) => s.createLead);
  const [name, setName] = useState('');
  const [company, setCompany] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError(t('links.nameRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await createLead({ name: name.trim(), company });
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  };

  return (
    <form
      className="session-form phone-link__text"
      onSubmit={(event) => void handleSubmit(event)}
      data-testid="phone-link-form"
    >
      <p className="muted phone-link__text">{t('links.noLead', { number })}</p>
      <label className="field">
        <span className="field__label">{t('links.name')}</span>
        <input
          className="input"
          type="text"
          value={name}
          maxLength={200}
          // biome-ignore lint/a11y/noAutofocus: the dialog exists to type this name.
          autoFocus
          onChange={(event) => setName(event.target.value)}
          data-testid="phone-link-name"
        />
      </label>
      <label className="field">
        <span className="field__label">{t('links.company')}</span>
        <input
          className="input"
          type="text"
          value={company}
          maxLength={200}
          onChange={(event) => setCompany(event.target.value)}
          data-testid="phone-link-company"
        />
      </label>
      {error ? <p className="form-error">{error}</p> : null}
      <div className="dialog__actions">
        <Button variant="ghost" onClick={onDone}>
          {t('links.cancel')}
        </Button>
        <Button variant="primary" type="submit" disabled={busy} data-testid="phone-link-create">
          {t('links.create')}
        </Button>
      </div>
    </form>
  );
};

/** A phone link from the OS or the browser whose number no lead has, or that holds no number. */
export const PhoneLinkDialog = () => {
  const { t } = useTranslation();
  const open = useDialogStore((s) => s.dialog === 'phoneLink');
  const closeDialog = useDialogStore((s) => s.closeDialog);
  const { url, target, error } = usePhoneLinkStore();
  const number = target ? `${target.e164}${target.ext ? ` ${t('links.ext', { ext: target.ext })}` : ''}` : '';
  return (
    <Dialog
      open={open && (target !== null || error !== null)}
      onOpenChange={(next) => (next ? undefined : closeDialog())}
      title={t('links.title')}
      size="s"
      testId="phone-link-dialog"
    >
      {target ? (
        <NewLeadForm key={url} number={number} onDone={closeDialog} />
      ) : (
        <>
          <p className="form-error phone-link__text" data-testid="phone-link-error">
            {error}
          </p>
          <div className="dialog__actions">
            <Button variant="primary" onClick={closeDialog}>
              {t('links.close')}
            </Button>
          </div>
        </>
      )}
    </Dialog>
  );
};
