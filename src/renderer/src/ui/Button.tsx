import type { ButtonHTMLAttributes, ReactNode, Ref } from 'react';

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: 'primary' | 'secondary' | 'ghost' | 'danger';
  size?: 's' | 'm';
  icon?: ReactNode;
  ref?: Ref<HTMLButtonElement>;
};

export const Button = ({
  variant = 'secondary',
  size = 'm',
  icon,
  className,
  children,
  type = 'button',
  ...rest
}: ButtonProps) => (
  <button
    type={type}
    className={['btn', `btn--${variant}`, `btn--${size}`, className].filter(Boolean).join(' ')}
    {...rest}
  >
    {icon}
    {children}
  </button>
);

type IconButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  /** Read by screen readers and shown as a tooltip, since the button shows only an icon. */
  label: string;
  ref?: Ref<HTMLButtonElement>;
};

export const IconButton = ({ label, className, children, type = 'button', ...rest }: IconButtonProps) => (
  <button
    type={type}
    aria-label={label}
    title={label}
    className={['icon-btn', className].filter(Boolean).join(' ')}
    {...rest}
  >
    {children}
  </button>
);
