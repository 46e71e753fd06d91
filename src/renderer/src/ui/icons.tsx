import type { ReactNode, SVGProps } from 'react';

// A few line icons drawn on a 16px grid; they inherit the text colour.
const Icon = ({ children, ...props }: SVGProps<SVGSVGElement> & { children: ReactNode }) => (
  <svg
    width="16"
    height="16"
    viewBox="0 0 16 16"
    fill="none"
    stroke="currentColor"
    strokeWidth="1.5"
    strokeLinecap="round"
    strokeLinejoin="round"
    aria-hidden="true"
    focusable="false"
    {...props}
  >
    {children}
  </svg>
);

export const SearchIcon = () => (
  <Icon>
    <circle cx="7" cy="7" r="4.5" />
    <path d="m10.5 10.5 3 3" />
  </Icon>
);

export const CloseIcon = () => (
  <Icon>
    <path d="m4 4 8 8M12 4l-8 8" />
  </Icon>
);

export const CheckIcon = () => (
  <Icon>
    <path d="m3.5 8.5 3 3 6-7" />
  </Icon>
);

export const ChevronDownIcon = () => (
  <Icon>
    <path d="m4 6 4 4 4-4" />
  </Icon>
);

export const UploadIcon = () => (
  <Icon>
    <path d="M8 10.5V2.5M5 5.5l3-3 3 3M2.5 10.5v2a1 1 0 0 0 1 1h9a1 1 0 0 0 1-1v-2" />
  </Icon>
);

export const DownloadIcon = () => (
  <Icon>
    <path d="M8 2.5v8M5 7.5l3 3 3-3M2.5 10.5v2a1 1 0 0 0 1 1h9a1 1 0 0 0 1-1v-2" />
  </Icon>
);

export const SettingsIcon = () => (
  <Icon>
    <circle cx="8" cy="8" r="2" />
    <path d="M8 1.5v1.8M8 12.7v1.8M1.5 8h1.8M12.7 8h1.8M3.4 3.4l1.3 1.3M11.3 11.3l1.3 1.3M3.4 12.6l1.3-1.3M11.3 4.7l1.3-1.3" />
  </Icon>
);

export const KeyboardIcon = () => (
  <Icon>
    <rect x="1.5" y="4" width="13" height="8" rx="1.5" />
    <path d="M4 6.5h.01M6.5 6.5h.01M9 6.5h.01M11.5 6.5h.01M5 9.5h6" />
  </Icon>
);

export const PhoneIcon = () => (
  <Icon>
    <path d="M3 2.5h2.5l1.2 3-1.5 1a7 7 0 0 0 3.3 3.3l1-1.5 3 1.2V12a1.5 1.5 0 0 1-1.5 1.5A10 10 0 0 1 1.5 4 1.5 1.5 0 0 1 3 2.5Z" />
  </Icon>
);

export const MailIcon = () => (
  <Icon>
    <rect x="1.5" y="3" width="13" height="10" rx="1.5" />
    <path d="m2 4 6 5 6-5" />
  </Icon>
);

export const ClockIcon = () => (
  <Icon>
    <circle cx="8" cy="8" r="6" />
    <path d="M8 4.5V8l2.5 1.5" />
  </Icon>
);

export const BuildingIcon = () => (
  <Icon>
    <path d="M2.5 14V3a1 1 0 0 1 1-1h6a1 1 0 0 1 1 1v11M10.5 6h2a1 1 0 0 1 1 1v7M1.5 14h13M5 5h2M5 8h2M5 11h2" />
  </Icon>
);

export const AlertIcon = () => (
  <Icon>
    <path d="M8 2 1.5 13.5h13L8 2Z" />
    <path d="M8 6.5v3M8 11.5h.01" />
  </Icon>
);

export const SparkleIcon = () => (
  <Icon>
    <path d="M8 1.5 9.4 6.6 14.5 8l-5.1 1.4L8 14.5 6.6 9.4 1.5 8l5.1-1.4L8 1.5Z" />
  </Icon>
);

export const FileIcon = () => (
  <Icon>
    <path d="M9 1.5H4a1 1 0 0 0-1 1v11a1 1 0 0 0 1 1h8a1 1 0 0 0 1-1V5.5L9 1.5Z" />
    <path d="M9 1.5v4h4" />
  </Icon>
);

export const TrashIcon = () => (
  <Icon>
    <path d="M2.5 4h11M6 4V2.5h4V4M4 4l.7 9.5h6.6L12 4" />
  </Icon>
);

export const SignalIcon = () => (
  <Icon>
    <path d="M2 13.5v-2M5.5 13.5v-5M9 13.5v-8M12.5 13.5v-11" />
  </Icon>
);

export const InboxIcon = () => (
  <Icon>
    <path d="M1.5 9.5 3.5 3h9l2 6.5V13a.5.5 0 0 1-.5.5H2a.5.5 0 0 1-.5-.5V9.5Z" />
    <path d="M1.5 9.5h4l1 1.5h3l1-1.5h4" />
  </Icon>
);

export const CloudOffIcon = () => (
  <Icon>
    <path d="M4.5 12.5h7a3 3 0 0 0 .6-5.94A4 4 0 0 0 5 5.2M3.2 6.9A3 3 0 0 0 4.5 12.5" />
    <path d="M2 2l12 12" />
  </Icon>
);

export const SyncIcon = () => (
  <Icon>
    <path d="M13.5 8a5.5 5.5 0 0 1-9.7 3.5M2.5 8a5.5 5.5 0 0 1 9.7-3.5" />
    <path d="M12.5 1.5v3h-3M3.5 14.5v-3h3" />
  </Icon>
);
