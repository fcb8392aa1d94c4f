import { type ChildServer, startChildServer } from './child-server.js';

/** The baseline: a bare node:http "hello world" server, as a child process like the real server. */

const SOURCE = `
const http = require('node:http');
http
  .createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('hello world');
    });
  })
  .listen(Number(process.env.PORT), '127.0.0.1');
`;

export type HelloServer = ChildServer;

export function startHello(): Promise<HelloServer> {
  return startChildServer(
    'hello server',
    SOURCE,
    async (base) => (await fetch(base, { signal: AbortSignal.timeout(500) })).ok,
  );
}
