import type { HandoffRoute } from '@shared/domain/handoff';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../i18n/format';

/**
 * Where the team server routed the lead's hand-off, under "Handed off as MQL": the AE who has it and
 * when their answer is due; after a re-route (the AE left the team) who had it before; or that no AE
 * can take it yet.
 */
export const HandoffRouteNote = ({ route }: { route: HandoffRoute }) => {
  const { t } = useTranslation();
  const when = formatDateTime(route.dueAt);
  const text =
    route.ae === null
      ? t('qualification.handoffWaiting')
      : route.rerouted && route.previousAe !== null
        ? t('qualification.handoffRerouted', { ae: route.ae, previousAe: route.previousAe, when })
        : t('qualification.handoffWith', { ae: route.ae, when });
  return (
    <p data-testid="handoff-route" data-rerouted={route.rerouted ? 'true' : 'false'}>
      {text}
    </p>
  );
};
