import type { Dict } from '../dict';
import type * as id from '../id/push';

/** English: Web Push opt-in on the citizen's ticket page. */
export const push: Dict<typeof id.push> = {
  button: 'Notify me on this device',
  stop: 'Stop notifying this device',
  working: 'Registering this device…',
  on: 'This device will be notified when your turn is near and when your number is called, even with this page closed.',
  denied:
    'Notifications for this site are blocked in your browser. To allow them: tap the icon left of the site address → Permissions/Site settings → Notifications → Allow, then reload this page.',
  dismissed: 'You have not allowed notifications yet. Tap the button again and choose "Allow".',
  insecure:
    'Notifications on this device need a secure connection (HTTPS), but this page was opened over plain HTTP. Keep this page open to follow the queue, or open the mall’s HTTPS address.',
  failed:
    'This device could not be registered for notifications (the browser’s push service did not answer). Try again later, or keep this page open.',
};
