/** The Dialdeck mark (as in resources/icon.svg): a handset over a stack of cards. */
export const Logo = () => (
  <svg className="logo" width="24" height="24" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    <rect x="1" y="1" width="22" height="22" rx="5.5" fill="var(--accent)" />
    <rect x="5.5" y="15.2" width="13" height="1.6" rx="0.8" fill="var(--accent-fg)" opacity="0.45" />
    <rect x="6.5" y="17.8" width="11" height="1.6" rx="0.8" fill="var(--accent-fg)" opacity="0.3" />
    <path
      d="M8.4 4.8h2.1l1 2.5-1.3.85a6 6 0 0 0 2.75 2.75l.85-1.3 2.5 1v2.1a1.3 1.3 0 0 1-1.3 1.3A8.9 8.9 0 0 1 7.1 6.1a1.3 1.3 0 0 1 1.3-1.3Z"
      fill="var(--accent-fg)"
    />
  </svg>
);
