import type { Dict } from '../dict';
import type { notify as id } from '../id/notify';

/** "Notify me" on the citizen's ticket page. */
export const notify: Dict<typeof id> = {
  title: 'Notify me',
  intro:
    'No need to wait by the counter: we send a message when your turn is near and when your number is called.',
  channel: 'Send by',
  channels: { whatsapp: 'WhatsApp', sms: 'SMS', email: 'E-mail', webpush: 'Browser notification' },
  phoneLabel: { whatsapp: 'WhatsApp number', sms: 'Mobile number' },
  phoneHint: 'Indonesian mobile number, e.g. 0812-3456-7890',
  emailLabel: 'E-mail address',
  invalidEmail: 'That e-mail address does not look right. Example: name@example.com',
  whenLabel: 'Send when the people ahead of me are down to',
  whenOption_zero: 'I am next',
  whenOption_one: '{{count}} person',
  whenOption_other: '{{count}} people',
  submit: 'Notify me',
  sending: 'Saving…',
  done: 'We will message {{address}} by {{channel}} when your turn is near{{when}}, and again when your number is called.',
  doneWhen_zero: ' (when you are next)',
  doneWhen_one: ' ({{count}} person ahead)',
  doneWhen_other: ' ({{count}} people ahead)',
  change: 'Change',
  stop: 'Stop',
  stopped: '{{channel}} notifications stopped.',
  another: 'Add another way',
  privacy: 'Your number/address is used for this ticket only and deleted automatically afterwards.',
};
