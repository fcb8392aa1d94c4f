import type { Dict } from '../dict';
import type * as id from '../id/device';

/** English: pairing a kiosk or display with the mall. */
export const device: Dict<typeof id.device> = {
  kioskTitle: 'This kiosk is not paired yet',
  displayTitle: 'This display is not paired yet',
  explain:
    'The mall admin registers the device under Admin → Devices. Type the pairing code shown there, or open its pairing link on this device.',
  codeLabel: 'Pairing code',
  codePlaceholder: 'e.g. K7PM Q2XD',
  pair: 'Pair',
  pairing: 'Pairing…',
  checking: 'Checking the device…',
  errors: {
    PAIRING_CODE_INVALID: 'Unknown code. Check the code on the admin screen.',
    PAIRING_CODE_USED: 'This code was already used. Ask the mall admin for a new one.',
    PAIRING_CODE_EXPIRED: 'The code has expired (valid 15 minutes). Ask the mall admin for a new one.',
    REVOKED: 'The mall admin revoked this device. Pair it again with a new code.',
    WRONG_DEVICE: 'This code is for another device or mall. Ask for a code for this device.',
    NETWORK: 'The server cannot be reached. Check the network and try again.',
    other: 'Pairing failed. Try again or ask the mall admin.',
  },
};
