import type { Dict } from '../dict';
import type * as id from '../id/adminDevices';

/** English: Admin → Devices (kiosks and displays). */
export const adminDevices: Dict<typeof id.adminDevices> = {
  devices: {
    lead: 'Only registered, paired kiosks can issue queue numbers. Register a device, then type its code on the device or scan its QR with that device. Codes are valid 15 minutes and work once.',
    create: 'Register device',
    created: 'Device {{name}} registered.',
    edit: 'Edit {{name}}',
    kind: 'Kind',
    kinds: { kiosk: 'Kiosk', display: 'Display' },
    name: 'Name',
    namePlaceholder: 'e.g. North lobby kiosk',
    zone: 'Zone',
    wholeMall: 'Whole mall',
    printer: 'Printer',
    printerHelp:
      'Optional: a network thermal printer (ESC/POS, host:port, usually port 9100). Without one the kiosk prints through the browser.',
    browserPrint: 'Browser',
    lastSeen: 'Last seen',
    status: {
      unpaired: 'Not paired',
      pairing: 'Waiting for code',
      online: 'Online',
      offline: 'Offline',
    },
    none: 'No devices registered yet.',
    mallAdminOnly: 'Devices are managed by the mall admin.',
    codeTitle: 'Pairing code for {{name}}',
    codeLead: 'Type this code on the device, or scan the QR / open the link on that device.',
    validUntil: 'Valid until {{time}}, once.',
    qrAlt: 'Pairing QR of {{name}}',
    newCode: 'New code',
    newCodeOf: 'New pairing code for {{name}}',
    newCodeDone: 'New code for {{name}} made.',
    revoke: 'Revoke',
    revokeOf: 'Revoke {{name}}',
    revokeAsk: 'Revoke {{name}}? It stops working at once.',
    revokeYes: 'Yes, revoke',
    revoked: '{{name}} revoked.',
    printFailed: 'Printing failed {{time}}: {{error}}',
  },
};
