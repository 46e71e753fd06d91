import { useTranslation } from 'react-i18next';
import '../sync.css';

/** Which of the team's definitions a read-only note is about. */
export type TeamDefinitionArea = 'scripts' | 'cadences' | 'outcomes' | 'dnc';

/** The line telling a rep or an AE that the team's manager edits this in the team console. */
export const TeamDefinitionsNote = ({ area }: { area: TeamDefinitionArea }) => {
  const { t } = useTranslation();
  return (
    <p
      className="section-hint team-definitions-note"
      role="note"
      data-testid={`team-definitions-note-${area}`}
    >
      {t(`sync.teamDefinitions.${area}`)}
    </p>
  );
};
