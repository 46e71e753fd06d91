import type { InputHTMLAttributes, ReactNode } from 'react';

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> & {
  /** The visible label, which also names the input for assistive technology. */
  label: ReactNode;
  value: string;
  onValueChange: (value: string) => void;
  /** A line under the input that says what to type. */
  hint?: ReactNode;
};

/** A labelled text input (`.field` layout) with an optional hint line. */
export const TextField = ({ label, hint, onValueChange, className, ...input }: TextFieldProps) => (
  <label className="field">
    <span className="field__label">{label}</span>
    <input
      className={className ?? 'input'}
      {...input}
      onChange={(event) => onValueChange(event.target.value)}
    />
    {hint ? <span className="field__hint">{hint}</span> : null}
  </label>
);
