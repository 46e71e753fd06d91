import * as RadixDialog from '@radix-ui/react-dialog';
import { type KeyboardEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDialogStore } from '../../../app/dialogStore';
import { Kbd } from '../../../ui/Kbd';
import { useLeadListStore } from '../../leads/state/leadListStore';
import { useCallStore } from '../../outcomes/state/callStore';
import { activeOutcomes, useOutcomeStore } from '../../outcomes/state/outcomeStore';
import { outcomeKey, outcomeLabel } from '../../outcomes/utils/labels';
import { SHORTCUT_ACTIONS } from '../state/actions';
import { takeRememberedFocus } from '../state/returnFocus';
import { keyLabel, SHORTCUTS } from '../state/shortcuts';
import '../../session/components/session.css';

type Command = { id: string; label: string; keys: ReadonlyArray<ReadonlyArray<string>>; run: () => void };

/** Case- and accent-blind text for matching what the rep types. */
const fold = (text: string): string => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * Every command: the shortcut registry's actions (the same list and keys as the `?` sheet), then one
 * entry per active outcome while a lead's card is on screen.
 */
const useCommands = (): Command[] => {
  const { t } = useTranslation();
  const outcomes = useOutcomeStore((s) => s.outcomes);
  return useMemo(() => {
    const commands: Command[] = [];
    for (const shortcut of SHORTCUTS) {
      const action = SHORTCUT_ACTIONS[shortcut.id];
      if (!action || shortcut.id === 'palette') continue;
      commands.push({
        id: shortcut.id,
        label: t(`shortcuts.${shortcut.id}`),
        keys: shortcut.keys,
        run: action,
      });
    }
    activeOutcomes(outcomes).forEach((outcome, index) => {
      const key = outcomeKey(index);
      commands.push({
        id: `outcome:${outcome.id}`,
        label: t('palette.logOutcome', { outcome: outcomeLabel(outcome, t) }),
        keys: key ? [[key]] : [],
        run: () => {
          const { current, visible } = useCallStore.getState();
          const openId = useLeadListStore.getState().openId;
          if (current && visible && current.leadId === openId)
            void useOutcomeStore.getState().choose(openId, outcome);
        },
      });
    });
    return commands;
  }, [outcomes, t]);
};

/** Ctrl/Cmd+K: type to filter every action, arrows to pick, Enter to run (after the palette closes). */
export const CommandPalette = () => {
  const { t } = useTranslation();
  const open = useDialogStore((s) => s.dialog === 'palette');
  const closeDialog = useDialogStore((s) => s.closeDialog);
  const commands = useCommands();
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  const shown = useMemo(() => {
    const words = fold(query).split(/\s+/).filter(Boolean);
    return commands.filter((c) => words.every((w) => fold(c.label).includes(w)));
  }, [commands, query]);
  const selected = Math.min(index, Math.max(0, shown.length - 1));

  const runCommand = (command: Command | undefined) => {
    if (!command) return;
    closeDialog();
    setQuery('');
    setIndex(0);
    // Runs once focus is back where it was (onCloseAutoFocus), as the same key pressed there would.
    setTimeout(command.run, 0);
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setIndex((selected + step + shown.length) % Math.max(1, shown.length));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      runCommand(shown[selected]);
    }
  };

  return (
    <RadixDialog.Root
      open={open}
      onOpenChange={(next) => {
        if (next) return;
        closeDialog();
        setQuery('');
        setIndex(0);
      }}
    >
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="dialog-overlay" />
        <RadixDialog.Content
          className="dialog dialog--m palette"
          data-testid="command-palette"
          onCloseAutoFocus={(event) => {
            const element = takeRememberedFocus();
            if (!element) return;
            event.preventDefault();
            element.focus();
          }}
        >
          <RadixDialog.Title className="visually-hidden">{t('palette.title')}</RadixDialog.Title>
          <RadixDialog.Description className="visually-hidden">
            {t('palette.description')}
          </RadixDialog.Description>
          <div className="dialog__body">
            <input
              className="input palette__input"
              type="text"
              role="combobox"
              aria-expanded="true"
              aria-controls="palette-list"
              aria-activedescendant={shown[selected] ? `palette-${shown[selected].id}` : undefined}
              aria-label={t('palette.title')}
              placeholder={t('palette.placeholder')}
              value={query}
              onChange={(event) => {
                setQuery(event.target.value);
                setIndex(0);
              }}
              onKeyDown={handleKeyDown}
              data-testid="palette-input"
            />
            <div className="palette__list" id="palette-list" role="listbox" aria-label={t('palette.title')}>
              {shown.map((command, i) => (
                // biome-ignore lint/a11y/useFocusableInteractive lint/a11y/useKeyWithClickEvents: options are reached from the input above (aria-activedescendant, arrows, Enter).
                <div
                  key={command.id}
                  id={`palette-${command.id}`}
                  role="option"
                  aria-selected={i === selected}
                  className="palette__item"
                  onClick={() => runCommand(command)}
                  data-testid="palette-item"
                  data-command={command.id}
                >
                  <span>{command.label}</span>
                  <span className="palette__keys">
                    {command.keys[0]?.map((key) => (
                      <Kbd key={key}>{keyLabel(key)}</Kbd>
                    ))}
                  </span>
                </div>
              ))}
            </div>
            {shown.length === 0 ? <p className="muted">{t('palette.empty')}</p> : null}
          </div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
};
