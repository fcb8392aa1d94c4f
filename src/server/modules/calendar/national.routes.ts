import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  CalendarImportReport,
  NationalCalendar,
  NationalDay,
  NationalDayInput,
  YearQuery,
} from '../../../shared/contracts/calendar.js';
import { LocalDate } from '../../../shared/contracts/catalog.js';
import { type ImportFormat, ImportQuery } from '../../../shared/contracts/imports.js';
import { guard } from '../../auth/guard.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { type App, NoContent } from '../../http.js';
import { looksLikeXlsx } from '../imports/imports.parse.js';
import * as national from './national.service.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_BYTES = 2 * 1024 * 1024;
/** The national calendar belongs to no mall; the policy only asks for the role. */
const DEPLOYMENT = { mallId: 0 };

function formatOf(req: FastifyRequest, body: Buffer, asked: ImportFormat | undefined): ImportFormat {
  if (asked) return asked;
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'text/csv') return 'csv';
  if (type === XLSX_TYPE) return 'xlsx';
  return looksLikeXlsx(body) ? 'xlsx' : 'csv';
}

/** Deployment-level national holidays and cuti bersama, kept by the national admin. */
export async function nationalRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(
    '/api/v1/calendar/national',
    {
      config: { access: 'public', action: 'public.read' },
      schema: {
        tags: ['calendar'],
        summary:
          'National holidays and cuti bersama (inherited by every mall), the years loaded, and a warning ' +
          'from 1 October while next year’s list is missing',
        querystring: YearQuery,
        response: { 200: NationalCalendar },
      },
    },
    async (req) => national.nationalCalendar(ctx, req.query.year),
  );

  app.put(
    '/api/v1/calendar/national/:date',
    {
      config: { access: 'staff', action: 'calendar.national' },
      schema: {
        tags: ['calendar'],
        summary: 'Add or change one national day (national admin)',
        params: z.object({ date: LocalDate }),
        body: NationalDayInput,
        response: { 200: NationalDay },
      },
    },
    async (req) => {
      const actor = guard(req, 'calendar.national', DEPLOYMENT);
      return national.saveNationalDay(ctx, actor, req.params.date, req.body);
    },
  );

  app.delete(
    '/api/v1/calendar/national/:date',
    {
      config: { access: 'staff', action: 'calendar.national' },
      schema: {
        tags: ['calendar'],
        summary: 'Remove one national day (national admin)',
        params: z.object({ date: LocalDate }),
        response: { 204: NoContent },
      },
    },
    async (req, reply) => {
      const actor = guard(req, 'calendar.national', DEPLOYMENT);
      await national.removeNationalDay(ctx, actor, req.params.date);
      return reply.status(204).send();
    },
  );

  await app.register(async (scope: App) => {
    scope.addContentTypeParser(
      ['text/csv', XLSX_TYPE, 'application/octet-stream'],
      { parseAs: 'buffer', bodyLimit: MAX_BYTES },
      (_req, body, done) => done(null, body),
    );
    scope.post(
      '/api/v1/calendar/national/import',
      {
        config: { access: 'staff', action: 'calendar.national' },
        bodyLimit: MAX_BYTES,
        schema: {
          tags: ['calendar'],
          summary:
            'Import national holidays and cuti bersama from CSV or XLSX (national admin); columns tanggal, ' +
            'jenis (libur nasional | cuti bersama), nama, dasar hukum; all rows or none',
          querystring: ImportQuery,
          consumes: ['text/csv', XLSX_TYPE, 'application/octet-stream'],
          response: { 200: CalendarImportReport },
        },
        onRequest: async (req) => {
          guard(req, 'calendar.national', DEPLOYMENT);
        },
      },
      async (req) => {
        const actor = guard(req, 'calendar.national', DEPLOYMENT);
        if (!Buffer.isBuffer(req.body))
          throw new AppError(
            'UNSUPPORTED_MEDIA_TYPE',
            'Kirim berkas CSV atau XLSX sebagai isi permintaan (send the CSV or XLSX file as the body).',
          );
        if (req.body.length === 0) throw new AppError('BAD_REQUEST', 'Berkas kosong (empty file).');
        const report = await national.importNationalCalendar(
          ctx,
          actor,
          req.body,
          formatOf(req, req.body, req.query.format),
          req.query.dryRun === 'true',
        );
        if (!report.ok)
          throw new AppError(
            'IMPORT_INVALID',
            `Berkas berisi ${report.errors.length} kesalahan; tidak ada yang disimpan (nothing saved).`,
            report,
          );
        return report;
      },
    );
  });
}
