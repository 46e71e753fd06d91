type ProgressBarProps = {
  /** 0–1, or null while the amount of work is not known yet. */
  value: number | null;
  label: string;
  valueText?: string;
};

export const ProgressBar = ({ value, label, valueText }: ProgressBarProps) => (
  <div
    className={`progress${value === null ? ' progress--indeterminate' : ''}`}
    role="progressbar"
    aria-label={label}
    aria-valuemin={0}
    aria-valuemax={100}
    aria-valuenow={value === null ? undefined : Math.round(value * 100)}
    aria-valuetext={valueText}
  >
    <div
      className="progress__bar"
      style={{ width: value === null ? undefined : `${Math.min(1, value) * 100}%` }}
    />
  </div>
);
