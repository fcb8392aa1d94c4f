import type { Dict } from '../dict';
import type * as id from '../id/kiosk';

/** English: Kiosk and the printed slip. */
export const kiosk: Dict<typeof id.kiosk> = {
  welcome: 'Welcome! Take your queue number here',
  searchButton: 'Search a service (e.g. KTP, SKCK, SIM)',
  pickAgency: 'Or choose an agency',
  agencies: 'Agencies',
  serviceCount: '{{count}} services',
  serviceCount_one: '{{count}} service',
  pickService: 'Choose a service',
  searchTitle: 'Search a service',
  searchPlaceholder: 'Type a service name…',
  keyboard: 'Keyboard',
  backspace: 'Delete',
  space: 'Space',
  clear: 'Clear',
  checkRequirements: 'Make sure you have brought these requirements before taking a number.',
  priorityQuestion: 'Do you belong to a priority group?',
  priorityHelp:
    'Elderly people, people with disabilities, pregnant women, children, the sick and disaster victims are served first, free of charge.',
  takeTicket: 'Take a queue number',
  taking: 'Taking a number…',
  unavailable: 'Queue numbers cannot be issued right now. Please ask the information desk.',
  quotaFull: 'Today’s quota is used up',
  notFound: 'No service found for "{{q}}"',
  notFoundHint: 'Try another word, e.g. "KTP", "SKCK" or "passport", or pick an agency on the start screen.',
  yourNumber: 'Your queue number',
  counterWord: 'Counter',
  printing: 'Printing your ticket…',
  printed: 'Please take your ticket and wait for your number to be called.',
  printerFailed:
    'The kiosk printer has a problem. Your number is valid: note it, photograph this screen or scan its QR code.',
  printAgain: 'Print again',
  autoReturn: 'The screen returns to the start in 30 seconds.',
  done: 'Done',
  navigation: 'Navigation',
  startOver: 'Start over',
};

export const slip: Dict<typeof id.slip> = {
  number: 'QUEUE NUMBER',
  counters: 'Go to: {{counters}}',
  ahead: 'People ahead of you: {{count}}',
  fee: 'Service fee: {{fee}}',
  scan: 'Scan to follow the queue, get WhatsApp notifications & rate the service',
  free: 'Priority service is free · Refuse illegal levies',
};
