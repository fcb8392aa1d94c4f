import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { LOG_OPTIONS } from './boot.js';

describe('logs', () => {
  it('mask NIK and phone numbers wherever they appear in a line and redact secrets', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const log = pino(LOG_OPTIONS, sink).child({ reqId: 'r1' });
    log.info(
      { url: '/api/v1/malls/demo/services?q=3204123456780001', password: 'hunter22' },
      'hp 081234567890',
    );
    const out = lines.join('');
    expect(out).toContain('3204********0001');
    expect(out).toContain('0812****7890');
    expect(out).not.toContain('3204123456780001');
    expect(out).not.toContain('hunter22');
  });
});
