import * as Tabs from '@radix-ui/react-tabs';
import { useTranslation } from 'react-i18next';
import { useDialogStore } from '../../../app/dialogStore';
import { Dialog } from '../../../ui/Dialog';
import { CadenceSettings } from '../../cadences/components/CadenceSettings';
import { EmailTemplatesSettings } from '../../emailTemplates/components/EmailTemplatesSettings';
import { OutcomeSettings } from '../../outcomes/components/OutcomeSettings';
import { ScriptsSettings } from '../../scripts/components/ScriptsSettings';
import { RulesSettings } from './RulesSettings';
import './queue.css';

/** The team's calling setup: its call outcomes and its calling rules. */
export const CallingSettingsDialog = () => {
  const { t } = useTranslation();
  const open = useDialogStore((s) => s.dialog === 'calling');
  const closeDialog = useDialogStore((s) => s.closeDialog);
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => (next ? undefined : closeDialog())}
      title={t('queue.settingsTitle')}
      description={t('queue.settingsDescription')}
      size="l"
      testId="calling-settings"
    >
      <Tabs.Root className="tabs" defaultValue="outcomes">
        <Tabs.List className="tabs__list" aria-label={t('queue.settingsTitle')}>
          <Tabs.Trigger className="tabs__tab" value="outcomes" data-testid="calling-tab-outcomes">
            {t('queue.tabOutcomes')}
          </Tabs.Trigger>
          <Tabs.Trigger className="tabs__tab" value="rules" data-testid="calling-tab-rules">
            {t('queue.tabRules')}
          </Tabs.Trigger>
          <Tabs.Trigger className="tabs__tab" value="cadences" data-testid="calling-tab-cadences">
            {t('queue.tabCadences')}
          </Tabs.Trigger>
          <Tabs.Trigger className="tabs__tab" value="scripts" data-testid="calling-tab-scripts">
            {t('scripts.title')}
          </Tabs.Trigger>
          <Tabs.Trigger
            className="tabs__tab"
            value="emailTemplates"
            data-testid="calling-tab-email-templates"
          >
            {t('emailTemplates.title')}
          </Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content className="tabs__panel" value="outcomes">
          <OutcomeSettings />
        </Tabs.Content>
        <Tabs.Content className="tabs__panel" value="rules">
          <RulesSettings />
        </Tabs.Content>
        <Tabs.Content className="tabs__panel" value="cadences">
          <CadenceSettings />
        </Tabs.Content>
        <Tabs.Content className="tabs__panel" value="scripts">
          <ScriptsSettings />
        </Tabs.Content>
        <Tabs.Content className="tabs__panel" value="emailTemplates">
          <EmailTemplatesSettings />
        </Tabs.Content>
      </Tabs.Root>
    </Dialog>
  );
};
