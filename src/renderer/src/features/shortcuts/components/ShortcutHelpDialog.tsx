import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { useDialogStore } from '../../../app/dialogStore';
import { Dialog } from '../../../ui/Dialog';
import { Kbd } from '../../../ui/Kbd';
import { keyLabel, SHORTCUTS, type ShortcutGroup } from '../state/shortcuts';

const GROUPS: readonly ShortcutGroup[] = ['list', 'lead', 'session', 'app'];

export const ShortcutHelpDialog = () => {
  const { t } = useTranslation();
  const open = useDialogStore((s) => s.dialog === 'help');
  const closeDialog = useDialogStore((s) => s.closeDialog);
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => (next ? undefined : closeDialog())}
      title={t('shortcuts.title')}
      description={t('shortcuts.description')}
      size="m"
      testId="shortcut-help"
    >
      <div className="shortcut-groups">
        {GROUPS.map((group) => (
          <section key={group} className="shortcut-group" aria-labelledby={`shortcuts-${group}`}>
            <h3 className="section-title" id={`shortcuts-${group}`}>
              {t(`shortcuts.groups.${group}`)}
            </h3>
            <dl className="shortcut-list">
              {SHORTCUTS.filter((shortcut) => shortcut.group === group).map((shortcut) => (
                <div key={shortcut.id} className="shortcut">
                  <dt>{t(`shortcuts.${shortcut.id}`)}</dt>
                  <dd>
                    {shortcut.keys.map((combo, i) => (
                      <Fragment key={combo.join('+')}>
                        {i > 0 ? <span className="shortcut__or">{t('shortcuts.or')}</span> : null}
                        <span className="shortcut__combo">
                          {combo.map((key) => (
                            <Kbd key={key}>{keyLabel(key)}</Kbd>
                          ))}
                        </span>
                      </Fragment>
                    ))}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Dialog>
  );
};
