import type { FastifyRequest } from 'fastify';
import { type ImportFormat, ImportQuery, ImportReport } from '../../../shared/contracts/imports.js';
import { guard } from '../../auth/guard.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { type App, MallParams } from '../../http.js';
import { looksLikeXlsx } from './imports.parse.js';
import { importCatalog, importInvalid } from './imports.service.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_BYTES = 10 * 1024 * 1024;

/** ?format wins; then the content type; an octet stream is recognised by its first bytes. */
function formatOf(req: FastifyRequest, body: Buffer, asked: ImportFormat | undefined): ImportFormat {
  if (asked) return asked;
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'text/csv') return 'csv';
  if (type === XLSX_TYPE) return 'xlsx';
  return looksLikeXlsx(body) ? 'xlsx' : 'csv';
}

/**
 * Catalog import from the spreadsheets agencies deliver. The raw-file parsers and the 10 MB limit
 * live in their own encapsulated plugin, so no other route accepts large or non-JSON bodies.
 */
export async function importsRoutes(app: App, ctx: AppContext): Promise<void> {
  await app.register(async (scope: App) => {
    scope.addContentTypeParser(
      ['text/csv', XLSX_TYPE, 'application/octet-stream'],
      { parseAs: 'buffer', bodyLimit: MAX_BYTES },
      (_req, body, done) => done(null, body),
    );

    scope.post(
      '/api/v1/malls/:mall/catalog/import',
      {
        config: { access: 'staff', action: 'catalog.manage' },
        bodyLimit: MAX_BYTES,
        schema: {
          tags: ['catalog'],
          summary:
            'Import agencies and services from a CSV or XLSX file (mall admin); all rows or none. ' +
            'Body: the raw file (text/csv, XLSX, or application/octet-stream with ?format).',
          params: MallParams,
          querystring: ImportQuery,
          consumes: ['text/csv', XLSX_TYPE, 'application/octet-stream'],
          response: { 200: ImportReport },
        },
        // Refuse strangers before a 10 MB body is read.
        onRequest: async (req) => {
          const mall = req.mall;
          guard(req, 'catalog.manage', { mallId: mall.id });
        },
      },
      async (req) => {
        const mall = req.mall;
        const actor = guard(req, 'catalog.manage', { mallId: mall.id });
        if (!Buffer.isBuffer(req.body))
          throw new AppError(
            'UNSUPPORTED_MEDIA_TYPE',
            'Kirim berkas CSV atau XLSX sebagai isi permintaan (send the CSV or XLSX file as the body).',
          );
        if (req.body.length === 0) throw new AppError('BAD_REQUEST', 'Berkas kosong (empty file).');
        const format = formatOf(req, req.body, req.query.format);
        const { report } = await importCatalog(
          ctx,
          actor,
          mall.id,
          req.body,
          format,
          req.query.dryRun === 'true',
        );
        if (!report.ok) throw importInvalid(report);
        return report;
      },
    );
  });
}
