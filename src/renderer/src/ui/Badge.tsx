import type { ReactNode } from 'react';

type BadgeProps = {
  tone?: 'neutral' | 'accent' | 'warning' | 'success' | 'danger' | 'demo';
  title?: string;
  children: ReactNode;
};

export const Badge = ({ tone = 'neutral', title, children }: BadgeProps) => (
  <span className={`badge badge--${tone}`} title={title}>
    {children}
  </span>
);
