import type { Locale } from '@shared/api/settings';
import { useTranslation } from 'react-i18next';
import { useDialogStore } from '../../../app/dialogStore';
import { Button } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';
import { DownloadIcon, TrashIcon } from '../../../ui/icons';
import { Select } from '../../../ui/Select';
import { CallingSettings } from '../../calling/components/CallingSettings';
import { exportLeads } from '../../import/utils/exportLeads';
import { useLeadListStore } from '../../leads/state/leadListStore';
import { HandoffGateSetting } from '../../qualification/components/HandoffGateSetting';
import { useSettingsStore } from '../state/settingsStore';
import { THEMES } from '../utils/choices';
import { RegionSelect } from './RegionSelect';
import { SipSetting } from './SipSetting';
import { ThisComputerSetting } from './ThisComputerSetting';

/** Each language names itself, so a user lost in a foreign interface can still find theirs. */
const LANGUAGES: ReadonlyArray<{ value: Locale; label: string }> = [
  { value: 'en', label: 'English' },
  { value: 'zh-CN', label: '简体中文' },
  { value: 'ko', label: '한국어' },
];

export const SettingsDialog = () => {
  const { t } = useTranslation();
  const open = useDialogStore((s) => s.dialog === 'settings');
  const openDialog = useDialogStore((s) => s.openDialog);
  const closeDialog = useDialogStore((s) => s.closeDialog);
  const settings = useSettingsStore((s) => s.settings);
  const update = useSettingsStore((s) => s.update);
  const demoCount = useLeadListStore((s) => s.table?.demoCount ?? 0);

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => (next ? undefined : closeDialog())}
      title={t('settings.title')}
      description={t('settings.description')}
      size="s"
      testId="settings-dialog"
    >
      <div className="settings">
        <div className="field">
          <span className="field__label">{t('settings.language')}</span>
          <Select<Locale>
            label={t('settings.language')}
            value={settings.locale}
            onValueChange={(locale) => void update({ locale })}
            items={LANGUAGES}
            testId="settings-language"
          />
        </div>
        <fieldset className="field">
          <legend className="field__label">{t('settings.theme')}</legend>
          <div className="segmented">
            {THEMES.map((theme) => (
              <label
                key={theme}
                className={`segmented__item${settings.theme === theme ? ' segmented__item--on' : ''}`}
              >
                <input
                  type="radio"
                  name="theme"
                  value={theme}
                  checked={settings.theme === theme}
                  onChange={() => void update({ theme })}
                />
                {t(`settings.themes.${theme}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <span className="field__label">{t('settings.defaultRegion')}</span>
          <RegionSelect
            label={t('settings.defaultRegion')}
            value={settings.defaultRegion}
            onValueChange={(defaultRegion) => void update({ defaultRegion })}
          />
          <span className="field__hint">{t('settings.defaultRegionHint')}</span>
        </div>
        <CallingSettings />
        <HandoffGateSetting />
        <ThisComputerSetting />
        <SipSetting />
        <div className="field">
          <span className="field__label">{t('settings.data')}</span>
          <div className="settings__actions">
            <Button icon={<DownloadIcon />} onClick={() => void exportLeads()}>
              {t('topbar.export')}
            </Button>
            <Button variant="ghost" onClick={() => openDialog('calling')} data-testid="open-calling-settings">
              {t('queue.openSettings')}
            </Button>
            {demoCount > 0 ? (
              <Button variant="ghost" icon={<TrashIcon />} onClick={() => openDialog('removeDemo')}>
                {t('demo.remove')}
              </Button>
            ) : null}
          </div>
        </div>
      </div>
    </Dialog>
  );
};
