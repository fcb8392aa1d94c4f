import { type ChildServer, startChildServer } from './child-server.js';

/**
 * The fan-out ceiling: a bare node:http SSE server (child process) holding the streams; POST /emit
 * writes one ticket.called-sized event to every stream at once. No database, no framework.
 */

const SOURCE = `
const http = require('node:http');
const streams = new Set();
let seq = 0;
http
  .createServer((req, res) => {
    if (req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      res.write(': connected\\n\\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const number = JSON.parse(body).number;
      seq++;
      const payload = { seq, type: 'ticket.called', zoneId: null, payload: { number, pad: 'x'.repeat(420) } };
      const text = 'id: ' + seq + '\\nevent: ticket.called\\ndata: ' + JSON.stringify(payload) + '\\n\\n';
      for (const s of streams) s.write(text);
      res.end('{}');
    });
  })
  .listen(Number(process.env.PORT), '127.0.0.1');
`;

export type FanoutServer = ChildServer;

export function startFanout(): Promise<FanoutServer> {
  return startChildServer('fan-out server', SOURCE, async (base) => {
    const r = await fetch(`${base}/emit`, {
      method: 'POST',
      body: '{"number":"warm"}',
      signal: AbortSignal.timeout(500),
    });
    return r.ok;
  });
}
