import { HAND_SET_STATUSES, type HandSetStatus } from '@shared/api/leadEdits';
import type { Lead } from '@shared/domain/lead';
import { zoneKeyOf, zonesOfKey } from '@shared/queue/zones';
import { type FormEvent, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../../app/useNow';
import { formatClock, regionName } from '../../../i18n/format';
import { Button } from '../../../ui/Button';
import { Select } from '../../../ui/Select';
import { type EditPart, useLeadEditStore } from '../state/leadEditStore';
import { formatPhone } from '../utils/formatPhone';

const HANDED_OFF = new Set(['mql', 'sql', 'opportunity', 'won']);

const Message = ({ leadId, part }: { leadId: string; part: EditPart }) => {
  const message = useLeadEditStore((s) => s.messages[leadId]);
  if (!message || message.part !== part) return null;
  return message.ok ? (
    <p className="muted lead-edit__saved" role="status" data-testid={`lead-edit-saved-${part}`}>
      {message.text}
    </p>
  ) : (
    <p className="form-error" role="alert" data-testid={`lead-edit-error-${part}`}>
      {message.text}
    </p>
  );
};

const PhonesEditor = ({ lead }: { lead: Lead }) => {
  const { t } = useTranslation();
  const save = useLeadEditStore((s) => s.save);
  const saving = useLeadEditStore((s) => s.saving);
  const dncPhones = useLeadEditStore((s) => s.dncPhones[lead.id]);
  const loadDnc = useLeadEditStore((s) => s.loadDnc);
  // The list may change elsewhere (an outcome, another window): re-read when the lead does.
  // biome-ignore lint/correctness/useExhaustiveDependencies: updatedAt is the trigger
  useEffect(() => {
    void loadDnc(lead.id);
  }, [loadDnc, lead.id, lead.updatedAt]);
  const [number, setNumber] = useState('');
  const inputId = useId();
  const current = lead.phones.map((p) => ({
    number: p.ext ? `${p.e164};ext=${p.ext}` : p.e164,
    label: p.label,
  }));
  const handleAdd = async (event: FormEvent) => {
    event.preventDefault();
    if (!number.trim()) return;
    const phones = [...current, { number: number.trim(), label: null }];
    if (await save('phones', 'leads.setPhones', { leadId: lead.id, phones }, t('leadEdit.saved')))
      setNumber('');
  };
  return (
    <div className="lead-edit__part" data-testid="lead-edit-phones">
      <h4 className="lead-edit__label">{t('leadEdit.phones')}</h4>
      <ul className="lead-edit__phones">
        {lead.phones.map((phone, index) => {
          const shown =
            formatPhone(phone.e164) + (phone.ext ? ` ${t('detail.extension', { ext: phone.ext })}` : '');
          const dnc = dncPhones?.includes(phone.e164) ?? false;
          return (
            <li key={`${phone.e164}-${phone.ext ?? ''}`} className="lead-edit__phone" data-phone={phone.e164}>
              <span>{shown}</span>
              {index === 0 ? <span className="pill pill--success">{t('leadEdit.primary')}</span> : null}
              {dnc ? (
                <span className="pill pill--danger" data-testid="lead-edit-dnc">
                  {t('leadEdit.dncPhone')}
                </span>
              ) : null}
              <span className="lead-edit__actions">
                {index > 0 ? (
                  <Button
                    size="s"
                    variant="ghost"
                    aria-label={t('leadEdit.makePrimaryLabel', { phone: shown })}
                    disabled={saving !== null}
                    onClick={() =>
                      void save(
                        'phones',
                        'leads.setPrimaryPhone',
                        { leadId: lead.id, e164: phone.e164, ext: phone.ext },
                        t('leadEdit.saved'),
                      )
                    }
                  >
                    {t('leadEdit.makePrimary')}
                  </Button>
                ) : null}
                <Button
                  size="s"
                  variant="ghost"
                  aria-label={t('leadEdit.removeLabel', { phone: shown })}
                  disabled={saving !== null}
                  onClick={() =>
                    void save(
                      'phones',
                      'leads.setPhones',
                      { leadId: lead.id, phones: current.filter((_, i) => i !== index) },
                      t('leadEdit.saved'),
                    )
                  }
                >
                  {t('leadEdit.remove')}
                </Button>
              </span>
            </li>
          );
        })}
      </ul>
      <form className="lead-edit__row" onSubmit={(event) => void handleAdd(event)}>
        <label className="field lead-edit__grow" htmlFor={inputId}>
          <span className="field__label">{t('leadEdit.addPhone')}</span>
          <input
            id={inputId}
            className="input"
            type="tel"
            value={number}
            maxLength={64}
            placeholder={t('leadEdit.addPhonePlaceholder')}
            onChange={(event) => setNumber(event.target.value)}
            data-testid="lead-edit-phone-input"
          />
        </label>
        <Button
          type="submit"
          size="s"
          disabled={saving !== null || !number.trim()}
          data-testid="lead-edit-phone-add"
        >
          {t('leadEdit.add')}
        </Button>
      </form>
      <p className="fact__hint">{t('leadEdit.addPhoneHint')}</p>
      <Message leadId={lead.id} part="phones" />
    </div>
  );
};

const TimeZoneEditor = ({ lead }: { lead: Lead }) => {
  const { t } = useTranslation();
  const now = useNow();
  const save = useLeadEditStore((s) => s.save);
  const saving = useLeadEditStore((s) => s.saving);
  const [zone, setZone] = useState(lead.timeZone ?? '');
  const listId = useId();
  const inputId = useId();
  // The lead's country narrows the choice to its own zones; without one, every zone can be searched.
  const zones = useMemo(() => zonesOfKey(zoneKeyOf(null, lead.country)), [lead.country]);
  const minute = Math.floor(now / 60_000);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the clocks change once a minute
  const options = useMemo(() => zones.map((z) => ({ zone: z, clock: formatClock(now, z) })), [zones, minute]);
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save(
      'timeZone',
      'leads.setTimeZone',
      { leadId: lead.id, timeZone: zone.trim() || null },
      t('leadEdit.saved'),
    );
  };
  return (
    <form className="lead-edit__part" onSubmit={handleSubmit} data-testid="lead-edit-time-zone">
      <div className="lead-edit__row">
        <label className="field lead-edit__grow" htmlFor={inputId}>
          <span className="field__label">{t('leadEdit.timeZone')}</span>
          <input
            id={inputId}
            className="input"
            list={listId}
            value={zone}
            maxLength={64}
            autoComplete="off"
            placeholder={t('leadEdit.timeZonePlaceholder')}
            onChange={(event) => setZone(event.target.value)}
            data-testid="lead-edit-time-zone-input"
          />
          <datalist id={listId}>
            {options.map((o) => (
              <option key={o.zone} value={o.zone}>
                {`${o.zone.replace(/_/g, ' ')} · ${o.clock}`}
              </option>
            ))}
          </datalist>
        </label>
        <Button
          type="submit"
          size="s"
          disabled={saving !== null || zone.trim() === (lead.timeZone ?? '')}
          data-testid="lead-edit-time-zone-set"
        >
          {t('leadEdit.setTimeZone')}
        </Button>
      </div>
      <p className="fact__hint">
        {lead.country && zones.length < 50
          ? t('leadEdit.timeZoneCountry', { country: regionName(lead.country) })
          : t('leadEdit.timeZoneAny')}
      </p>
      <Message leadId={lead.id} part="timeZone" />
    </form>
  );
};

const StatusEditor = ({ lead }: { lead: Lead }) => {
  const { t } = useTranslation();
  const save = useLeadEditStore((s) => s.save);
  const saving = useLeadEditStore((s) => s.saving);
  const settable = (HAND_SET_STATUSES as readonly string[]).includes(lead.status);
  const [status, setStatus] = useState<HandSetStatus>(settable ? (lead.status as HandSetStatus) : 'working');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const reasonId = useId();
  if (HANDED_OFF.has(lead.status) || lead.status === 'do_not_contact') {
    return (
      <p className="muted lead-edit__part" data-testid="lead-edit-status-locked">
        {lead.status === 'do_not_contact' ? t('history.doNotContact') : t('leadEdit.statusLocked')}
      </p>
    );
  }
  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setMissing(true);
      return;
    }
    if (await save('status', 'leads.setStatus', { leadId: lead.id, status, reason }, t('leadEdit.saved')))
      setReason('');
  };
  return (
    <form
      className="lead-edit__part"
      onSubmit={(event) => void handleSubmit(event)}
      data-testid="lead-edit-status"
    >
      <div className="lead-edit__row">
        <div className="field">
          <span className="field__label">{t('leadEdit.status')}</span>
          <Select
            value={status}
            onValueChange={setStatus}
            label={t('leadEdit.status')}
            size="s"
            testId="lead-edit-status-select"
            items={HAND_SET_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          />
        </div>
        <label className="field lead-edit__grow" htmlFor={reasonId}>
          <span className="field__label">{t('leadEdit.reason')}</span>
          <input
            id={reasonId}
            className="input"
            value={reason}
            maxLength={500}
            placeholder={t('leadEdit.reasonPlaceholder')}
            onChange={(event) => {
              setReason(event.target.value);
              setMissing(false);
            }}
            data-testid="lead-edit-reason"
          />
        </label>
        <Button
          type="submit"
          size="s"
          disabled={saving !== null || status === lead.status}
          data-testid="lead-edit-status-set"
        >
          {t('leadEdit.changeStatus')}
        </Button>
      </div>
      {missing ? <p className="form-error">{t('leadEdit.reasonRequired')}</p> : null}
      <Message leadId={lead.id} part="status" />
    </form>
  );
};

const OwnerEditor = ({ lead }: { lead: Lead }) => {
  const { t } = useTranslation();
  const save = useLeadEditStore((s) => s.save);
  const saving = useLeadEditStore((s) => s.saving);
  const [owner, setOwner] = useState(lead.ownerId ?? '');
  const inputId = useId();
  return (
    <form
      className="lead-edit__part"
      onSubmit={(event) => {
        event.preventDefault();
        void save(
          'owner',
          'leads.setOwner',
          { leadId: lead.id, owner: owner.trim() || null },
          t('leadEdit.saved'),
        );
      }}
    >
      <div className="lead-edit__row">
        <label className="field lead-edit__grow" htmlFor={inputId}>
          <span className="field__label">{t('leadEdit.owner')}</span>
          <input
            id={inputId}
            className="input"
            value={owner}
            maxLength={200}
            placeholder={t('leadEdit.ownerPlaceholder')}
            onChange={(event) => setOwner(event.target.value)}
            data-testid="lead-edit-owner"
          />
        </label>
        <Button type="submit" size="s" disabled={saving !== null || owner.trim() === (lead.ownerId ?? '')}>
          {t('leadEdit.setOwner')}
        </Button>
      </div>
      <Message leadId={lead.id} part="owner" />
    </form>
  );
};

/**
 * "Fix this lead": add or correct numbers and pick the one dialed first, set an unknown time zone from
 * the lead's country's zones, change the status with a reason, reassign the owner. Each save is one
 * core edit (and one synced mutation); the panel re-reads the lead afterwards.
 */
export const LeadEditCard = ({ lead }: { lead: Lead }) => {
  const { t } = useTranslation();
  return (
    <section className="card lead-edit" aria-labelledby="card-lead-edit" data-testid="lead-edit">
      <h3 className="card__title" id="card-lead-edit">
        {t('leadEdit.title')}
      </h3>
      <PhonesEditor lead={lead} />
      <TimeZoneEditor key={lead.timeZone ?? ''} lead={lead} />
      <StatusEditor key={lead.status} lead={lead} />
      <OwnerEditor key={lead.ownerId ?? ''} lead={lead} />
    </section>
  );
};
