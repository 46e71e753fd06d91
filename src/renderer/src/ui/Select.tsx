import * as RadixSelect from '@radix-ui/react-select';
import type { ReactNode, Ref } from 'react';
import { CheckIcon, ChevronDownIcon } from './icons';
import { moveAmongOptions } from './listKeys';

export type SelectItem<V extends string> = {
  value: V;
  label: ReactNode;
  hint?: ReactNode;
  textValue?: string;
};

type SelectProps<V extends string> = {
  value: V;
  onValueChange: (value: V) => void;
  items: ReadonlyArray<SelectItem<V>>;
  /** Accessible name of the trigger. */
  label: string;
  id?: string;
  className?: string;
  size?: 's' | 'm';
  disabled?: boolean;
  testId?: string;
  triggerRef?: Ref<HTMLButtonElement>;
};

export const Select = <V extends string>({
  value,
  onValueChange,
  items,
  label,
  id,
  className,
  size = 'm',
  disabled,
  testId,
  triggerRef,
}: SelectProps<V>) => (
  <RadixSelect.Root value={value} onValueChange={(next) => onValueChange(next as V)} disabled={disabled}>
    <RadixSelect.Trigger
      ref={triggerRef}
      id={id}
      aria-label={label}
      data-testid={testId}
      className={['select', `select--${size}`, className].filter(Boolean).join(' ')}
    >
      <RadixSelect.Value />
      <RadixSelect.Icon className="select__icon">
        <ChevronDownIcon />
      </RadixSelect.Icon>
    </RadixSelect.Trigger>
    <RadixSelect.Portal>
      <RadixSelect.Content
        className="select__content"
        position="popper"
        sideOffset={4}
        onKeyDown={moveAmongOptions}
      >
        <RadixSelect.Viewport className="select__viewport">
          {items.map((item) => (
            <RadixSelect.Item
              key={item.value}
              value={item.value}
              className="select__item"
              textValue={item.textValue}
            >
              <RadixSelect.ItemText>{item.label}</RadixSelect.ItemText>
              {item.hint ? <span className="select__hint">{item.hint}</span> : null}
              <RadixSelect.ItemIndicator className="select__check">
                <CheckIcon />
              </RadixSelect.ItemIndicator>
            </RadixSelect.Item>
          ))}
        </RadixSelect.Viewport>
      </RadixSelect.Content>
    </RadixSelect.Portal>
  </RadixSelect.Root>
);
