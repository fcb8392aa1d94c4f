import { z } from 'zod';

/** Zod contracts for registered kiosks and display boards (issue 8 §1). */
export const DeviceKind = z.enum(['kiosk', 'display']);
/**
 * pairing: a code is waiting to be used; online/offline: paired and seen within / not within
 * DEVICE_ONLINE_SECONDS; unpaired: never paired and no valid code.
 */
export const DeviceStatus = z.enum(['unpaired', 'pairing', 'online', 'offline']);

/** A network thermal printer as host:port (ESC/POS over raw TCP, usually port 9100). */
export const PrinterAddress = z
  .string()
  .trim()
  .max(200)
  .regex(/^[A-Za-z0-9.-]{1,190}:\d{1,5}$/, 'host:port, e.g. 192.168.1.50:9100');

export const DeviceInput = z.strictObject({
  kind: DeviceKind,
  name: z.string().trim().min(1).max(120),
  zone: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lowercase letters, digits and dashes')
    .nullable()
    .optional(),
  printer: PrinterAddress.nullable().optional(),
});

export const DevicePatch = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  zone: DeviceInput.shape.zone,
  printer: PrinterAddress.nullable().optional(),
});

export const Device = z.object({
  id: z.number(),
  kind: DeviceKind,
  name: z.string(),
  zone: z.string().nullable(),
  status: DeviceStatus,
  printer: z.string().nullable(),
  pairedAt: z.string().nullable(),
  lastSeenAt: z.string().nullable(),
  pairingExpiresAt: z.string().nullable(),
  lastPrintAt: z.string().nullable(),
  lastPrintError: z.string().nullable(),
  createdAt: z.string(),
});

/** Returned once, when a pairing code is made: the code itself is stored only as a hash. */
export const DeviceWithCode = Device.extend({ pairingCode: z.string(), pairingExpiresAt: z.string() });

export const PairInput = z.strictObject({ code: z.string().trim().min(4).max(32) });

/** What a paired device knows about itself: enough to show the right mall and zone. */
export const DeviceSelf = z.object({
  id: z.number(),
  kind: DeviceKind,
  name: z.string(),
  zone: z.string().nullable(),
  mall: z.object({ id: z.number(), slug: z.string(), name: z.string() }),
  printer: z.boolean(),
});

export const PairResult = z.object({ token: z.string(), device: DeviceSelf });

/** What happened to a kiosk's network printer for this ticket (absent: the browser prints). */
export const PrintOutcome = z.object({
  status: z.enum(['printed', 'failed']),
  message: z.string().optional(),
});
