import { useTranslation } from 'react-i18next';
import { ConfirmButton } from './ConfirmButton';

/** Revoking a device asks once inline: the kiosk or board stops working at that moment. */
export function RevokeButton({
  name,
  busy,
  onRevoke,
}: {
  name: string;
  busy: boolean;
  onRevoke: () => void;
}) {
  const { t } = useTranslation();
  return (
    <ConfirmButton
      label={t('admin.devices.revoke')}
      labelOf={t('admin.devices.revokeOf', { name })}
      ask={t('admin.devices.revokeAsk', { name })}
      yes={t('admin.devices.revokeYes')}
      busy={busy}
      onConfirm={onRevoke}
    />
  );
}
