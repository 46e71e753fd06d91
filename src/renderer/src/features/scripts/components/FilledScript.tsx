import type { ScriptSegment } from '@shared/scripts/variables';
import { useTranslation } from 'react-i18next';

/**
 * A filled script: values from the lead and research set off, and each missing variable shown as its
 * translated name marked "(missing)", never as raw braces.
 */
export const FilledScript = ({ segments, testId }: { segments: ScriptSegment[]; testId?: string }) => {
  const { t } = useTranslation();
  return (
    <p className="script__text" data-testid={testId}>
      {segments.map((segment, index) => {
        const key = `${index}-${segment.kind}`;
        if (segment.kind === 'text') return <span key={key}>{segment.text}</span>;
        if (segment.kind === 'value')
          return (
            <span key={key} className="script__value" data-variable={segment.name}>
              {segment.text}
            </span>
          );
        return (
          <mark key={key} className="script__missing" data-missing={segment.name}>
            {t('scripts.missingValue', { name: t(`scripts.variables.${segment.name}`) })}
          </mark>
        );
      })}
    </p>
  );
};
