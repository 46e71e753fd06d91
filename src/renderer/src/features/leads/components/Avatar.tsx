/** Han ideographs and Hangul syllables: names in these scripts show their first character. */
const isCjk = (code: number) =>
  (code >= 0x4e00 && code <= 0x9fff) ||
  (code >= 0x3400 && code <= 0x4dbf) ||
  (code >= 0xac00 && code <= 0xd7af);

/** Initials on a colour picked from the name, so the same lead always looks the same. */
const initialsOf = (name: string): string => {
  const clean = name.includes('(') ? name.replace(/\(.*?\)/g, '').trim() : name.trim();
  if (!clean) return '?';
  // CJK names read best as their first character (the family name).
  if (isCjk(clean.charCodeAt(0))) return clean.slice(0, 1);
  const words = clean.split(/\s+/);
  const first = words[0]?.[0] ?? '';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
};

const hueOf = (name: string): number => {
  let hash = 0;
  for (let i = 0; i < name.length; i++) hash = (hash * 31 + name.charCodeAt(i)) >>> 0;
  return hash % 360;
};

export const Avatar = ({ name, size = 'm' }: { name: string; size?: 'm' | 'l' }) => (
  <span
    className={`avatar avatar--${size}`}
    style={{ '--avatar-hue': hueOf(name) } as React.CSSProperties}
    aria-hidden="true"
  >
    {initialsOf(name)}
  </span>
);
