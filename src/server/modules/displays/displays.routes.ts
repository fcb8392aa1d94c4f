import { z } from 'zod';
import { DisplayState } from '../../../shared/contracts/displays.js';
import { DisplayEvent } from '../../../shared/contracts/events.js';
import {
  announcementText,
  parseTicketNumber,
  spokenAnnouncement,
} from '../../../shared/domain/number-words.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { streamScope } from '../../events/sse.js';
import { type App, MallParams } from '../../http.js';
import { displayState, resolveZone } from './displays.service.js';
import { DisplayScope, displayScopeKey } from './displays.stream.js';

const ZoneParams = MallParams.extend({ zone: z.string().min(1).max(64) });

export async function displaysRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(
    '/api/v1/malls/:mall/displays/:zone/state',
    {
      config: { access: 'public', action: 'public.read' },
      schema: {
        tags: ['displays'],
        summary:
          'What a display shows right now (zone "all" = the whole mall), with wait figures per service',
        params: ZoneParams,
        response: { 200: DisplayState },
      },
    },
    async (req) => {
      const mall = req.mall;
      return displayState(ctx, mall, await resolveZone(ctx, mall, req.params.zone));
    },
  );

  app.get(
    '/api/v1/malls/:mall/displays/:zone/stream',
    {
      config: { access: 'public', action: 'public.read' },
      schema: {
        tags: ['displays'],
        summary:
          'Server-Sent Events for a public board: ticket.called, ticket.recalled, counter.changed, waiting.changed (no tracking codes, no personal data); resumes exactly with Last-Event-ID within the window, else sends reset',
        params: ZoneParams,
        querystring: z.object({ lastEventId: z.string().max(20).optional() }),
        response: { 200: DisplayEvent.describe('text/event-stream: one message per SSE event') },
      },
    },
    async (req, reply) => {
      const mall = req.mall;
      const zoneId = await resolveZone(ctx, mall, req.params.zone);
      await streamScope(
        req,
        reply,
        ctx.hub,
        mall.id,
        displayScopeKey(zoneId),
        () => new DisplayScope(zoneId),
      );
    },
  );

  app.get(
    '/api/v1/announcements/preview',
    {
      config: { access: 'public', action: 'public.read' },
      schema: {
        tags: ['displays'],
        summary: 'The Indonesian sentence a display speaks for a call, to test its speaker',
        querystring: z.object({
          ticket: z.string().min(1).max(16),
          counter: z.coerce.number().int().min(0).max(9999),
        }),
        response: { 200: z.object({ text: z.string(), spokenText: z.string() }) },
      },
    },
    async (req) => {
      if (!parseTicketNumber(req.query.ticket)) {
        throw new AppError(
          'VALIDATION_FAILED',
          'Nomor antrean tidak valid, contoh: B-017 (invalid ticket number).',
        );
      }
      return {
        text: announcementText(req.query.ticket, req.query.counter),
        spokenText: spokenAnnouncement(req.query.ticket, req.query.counter),
      };
    },
  );
}
