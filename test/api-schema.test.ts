import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { API_SCHEMA_FILE, renderApiSchema } from '../scripts/api-types.js';

/**
 * The web client's types (src/web/app/api-schema.d.ts) are generated from the server's OpenAPI
 * document; a route or contract changed without regenerating them fails here, so CI catches it.
 */
describe('generated API types', () => {
  let fresh = '';
  beforeAll(async () => {
    fresh = await renderApiSchema();
  });

  it('src/web/app/api-schema.d.ts matches the server (else: run npm run api:types)', () => {
    const checkedIn = fs.existsSync(API_SCHEMA_FILE) ? fs.readFileSync(API_SCHEMA_FILE, 'utf8') : '';
    expect(checkedIn === fresh, 'src/web/app/api-schema.d.ts is stale: run npm run api:types').toBe(true);
  });

  it('names the resources as components, answers call-next flat and types raw uploads as files', () => {
    expect(fresh).toMatch(/^ {8}Ticket: \{$/m);
    const callNext = fresh.slice(fresh.indexOf('"/api/v1/malls/{mall}/counters/{counterId}/call-next": {'));
    expect(callNext).toMatch(/^\s+"application\/json": components\["schemas"\]\["Ticket"\];$/m);
    expect(fresh).toMatch(/"text\/csv": Blob;/);
  });
});
