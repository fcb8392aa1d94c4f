import net from 'node:net';

/** A slow or absent printer must not hold the kiosk: the citizen's number is already on screen. */
export const PRINT_TIMEOUT_MS = 3000;

/**
 * Sends raw bytes to a network printer (host:port, ESC/POS over plain TCP as on port 9100) and
 * resolves once they are written and the connection is closed; rejects on refusal, error or timeout.
 */
export function sendToPrinter(
  address: string,
  bytes: Uint8Array,
  timeoutMs = PRINT_TIMEOUT_MS,
): Promise<void> {
  const i = address.lastIndexOf(':');
  const host = address.slice(0, i);
  const port = Number(address.slice(i + 1));
  return new Promise((resolve, reject) => {
    const socket = net.createConnection({ host, port });
    let settled = false;
    const done = (err?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (err) reject(err);
      else resolve();
    };
    const timer = setTimeout(
      () => done(new Error(`printer ${address} did not answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
    socket.once('error', (err) => done(err));
    socket.once('connect', () => {
      socket.end(Buffer.from(bytes), () => done());
    });
  });
}
