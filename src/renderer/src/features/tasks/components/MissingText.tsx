import type { ScriptVariable } from '@shared/scripts/variables';
import { useTranslation } from 'react-i18next';

/**
 * Filled email text with each `[name]` of a missing variable marked as the variable's translated name
 * "(missing)", never raw braces (the core writes `[name]` where a value is missing).
 */
export const MissingText = ({ text, missing }: { text: string; missing: readonly ScriptVariable[] }) => {
  const { t } = useTranslation();
  if (missing.length === 0) return <>{text}</>;
  const pattern = new RegExp(`\\[(${missing.join('|')})\\]`, 'g');
  const parts: { text: string; missing: ScriptVariable | null }[] = [];
  let at = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > at) parts.push({ text: text.slice(at, match.index), missing: null });
    parts.push({ text: match[0], missing: match[1] as ScriptVariable });
    at = match.index + match[0].length;
  }
  if (at < text.length) parts.push({ text: text.slice(at), missing: null });
  return (
    <>
      {parts.map((part, index) =>
        part.missing === null ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one fixed text, in order
          <span key={index}>{part.text}</span>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one fixed text, in order
          <mark key={index} className="script__missing" data-missing={part.missing}>
            {t('scripts.missingValue', { name: t(`scripts.variables.${part.missing}`) })}
          </mark>
        ),
      )}
    </>
  );
};
