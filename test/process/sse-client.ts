import net from 'node:net';

/**
 * A lean Server-Sent Events client on a raw TCP socket (one socket per stream): it sends the GET,
 * skips the response head, undoes chunked transfer-encoding and parses the event blocks. Lean on
 * purpose: a benchmark holding 1,000 streams must not measure its own HTTP parser.
 */

export interface SseMessage {
  id: string | null;
  event: string;
  data: string;
}

export interface SseStream {
  close(): void;
}

function parseBlock(block: string): SseMessage | null {
  let id: string | null = null;
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line === '' || line.startsWith(':')) continue;
    const i = line.indexOf(':');
    const field = i < 0 ? line : line.slice(0, i);
    const value = i < 0 ? '' : line.slice(i + 1).replace(/^ /, '');
    if (field === 'id') id = value;
    else if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  return data.length ? { id, event, data: data.join('\n') } : null;
}

/** Undoes chunked transfer-encoding incrementally; returns the body bytes decoded so far. */
class Dechunker {
  private raw = '';
  private left = 0;
  push(s: string): string {
    this.raw += s;
    let out = '';
    for (;;) {
      if (this.left > 0) {
        const take = this.raw.slice(0, this.left);
        out += take;
        this.left -= take.length;
        this.raw = this.raw.slice(take.length);
        if (this.left > 0) return out;
      }
      const eol = this.raw.indexOf('\r\n', this.raw.startsWith('\r\n') ? 2 : 0);
      if (eol < 0) return out;
      const size = Number.parseInt(this.raw.slice(0, eol).trim(), 16);
      this.raw = this.raw.slice(eol + 2);
      if (!Number.isFinite(size) || size === 0) return out;
      this.left = size;
    }
  }
}

/**
 * Opens `url` as an event stream; resolves once the 200 response head has arrived. `onMessage` runs
 * for every event, synchronously as its bytes are parsed. Bodies are treated as latin1-safe ASCII
 * framing around UTF-8 text: the socket is read as 'latin1' and each block re-decoded as UTF-8.
 */
export function openSse(
  url: string,
  onMessage: (m: SseMessage) => void,
  opts: { lastEventId?: number | string; timeoutMs?: number } = {},
): Promise<SseStream> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(u.port), u.hostname);
    socket.setNoDelay(true);
    socket.setEncoding('latin1');
    const timer = setTimeout(
      () => socket.destroy(new Error(`SSE connect timeout: ${url}`)),
      opts.timeoutMs ?? 10_000,
    );
    let head = '';
    let body = '';
    let chunked: Dechunker | null = null;
    let opened = false;
    const stream: SseStream = { close: () => socket.destroy() };
    socket.on('connect', () => {
      const last = opts.lastEventId === undefined ? '' : `last-event-id: ${opts.lastEventId}\r\n`;
      socket.write(
        `GET ${u.pathname}${u.search} HTTP/1.1\r\nhost: ${u.host}\r\naccept: text/event-stream\r\n${last}\r\n`,
      );
    });
    socket.on('data', (chunk: string) => {
      let text = chunk;
      if (!opened) {
        head += chunk;
        const end = head.indexOf('\r\n\r\n');
        if (end < 0) return;
        const status = /^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1];
        clearTimeout(timer);
        if (status !== '200') {
          socket.destroy();
          reject(new Error(`SSE ${url}: HTTP ${status}`));
          return;
        }
        opened = true;
        if (/\r\ntransfer-encoding:\s*chunked/i.test(head.slice(0, end))) chunked = new Dechunker();
        text = head.slice(end + 4);
        resolve(stream);
      }
      body += chunked ? chunked.push(text) : text;
      let cut = body.indexOf('\n\n');
      while (cut >= 0) {
        const m = parseBlock(Buffer.from(body.slice(0, cut), 'latin1').toString('utf8'));
        body = body.slice(cut + 2);
        if (m) onMessage(m);
        cut = body.indexOf('\n\n');
      }
    });
    socket.on('error', (e) => {
      clearTimeout(timer);
      if (!opened) reject(e);
    });
  });
}
