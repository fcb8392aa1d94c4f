import { z } from 'zod';
import {
  CutiBersamaServe,
  LocalClosure,
  MallCalendar,
  MallCalendarDay,
  YearQuery,
} from '../../../shared/contracts/calendar.js';
import { LocalDate, OpeningDay, OpeningNow } from '../../../shared/contracts/catalog.js';
import { guard } from '../../auth/guard.js';
import type { AppContext } from '../../context.js';
import { type App, MallParams, NoContent } from '../../http.js';
import * as service from './calendar.service.js';
import { nationalRoutes } from './national.routes.js';
import { openingNow } from './opening-now.js';

export async function calendarRoutes(app: App, ctx: AppContext): Promise<void> {
  await nationalRoutes(app, ctx);

  app.get(
    '/api/v1/malls/:mall/calendar',
    {
      config: { access: 'public', action: 'public.read' },
      schema: {
        tags: ['calendar'],
        summary:
          'The mall’s calendar: inherited national holidays and cuti bersama, its own closures, the cuti ' +
          'bersama days it serves on, and warnings (next year’s national list missing from 1 October)',
        params: MallParams,
        querystring: YearQuery,
        response: { 200: MallCalendar },
      },
    },
    async (req) => {
      const mall = req.mall;
      return service.mallCalendar(ctx, mall, req.query.year);
    },
  );

  app.put(
    '/api/v1/malls/:mall/calendar/cuti-bersama/:date',
    {
      config: { access: 'staff', action: 'hours.manage' },
      schema: {
        tags: ['calendar'],
        summary: 'Declare that the mall serves (or not) on a national cuti bersama day (mall admin)',
        params: MallParams.extend({ date: LocalDate }),
        body: CutiBersamaServe,
        response: { 200: MallCalendarDay },
      },
    },
    async (req) => {
      const mall = req.mall;
      const actor = guard(req, 'hours.manage', { mallId: mall.id });
      return service.setCutiBersamaServed(ctx, actor, mall, req.params.date, req.body.served);
    },
  );

  app.get(
    '/api/v1/malls/:mall/calendar/working-days',
    {
      config: { access: 'public', action: 'public.read' },
      schema: {
        tags: ['calendar'],
        summary:
          'Add N working days to a local date (skips the mall’s non-working weekdays, national holidays, ' +
          'cuti bersama it does not serve on and its own closures)',
        params: MallParams,
        querystring: z.object({ from: LocalDate, add: z.coerce.number().int().min(-3650).max(3650) }),
        response: { 200: z.object({ date: z.string() }) },
      },
    },
    async (req) => {
      const mall = req.mall;
      return { date: await service.addMallWorkingDays(ctx, mall, req.query.from, req.query.add) };
    },
  );

  app.get(
    '/api/v1/malls/:mall/opening-hours',
    {
      config: { access: 'public', action: 'public.read' },
      schema: {
        tags: ['calendar'],
        summary: 'Opening hours per weekday with breaks (e.g. the Friday-prayer break)',
        params: MallParams,
        response: {
          200: z.object({ workingWeekdays: z.array(z.number()), days: z.array(OpeningDay), now: OpeningNow }),
        },
      },
    },
    async (req) => {
      const mall = req.mall;
      return {
        workingWeekdays: JSON.parse(mall.working_days) as number[],
        days: await service.getOpeningHours(ctx, mall.id),
        now: await openingNow(ctx.database.db, mall, ctx.now()),
      };
    },
  );

  app.put(
    '/api/v1/malls/:mall/opening-hours',
    {
      config: { access: 'staff', action: 'hours.manage' },
      schema: {
        tags: ['calendar'],
        summary: 'Replace the opening hours (mall admin)',
        params: MallParams,
        body: z.object({
          days: z.array(OpeningDay).max(7),
          workingWeekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7).optional(),
        }),
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (req) => {
      const mall = req.mall;
      const actor = guard(req, 'hours.manage', { mallId: mall.id });
      await service.setOpeningHours(ctx, actor, mall, req.body.days, req.body.workingWeekdays);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/malls/:mall/holidays',
    {
      config: { access: 'public', action: 'public.read' },
      schema: {
        tags: ['calendar'],
        summary:
          'The days the mall is closed: national holidays, cuti bersama it does not serve, own closures',
        params: MallParams,
        querystring: z.object({ from: LocalDate.optional(), to: LocalDate.optional() }),
        response: { 200: z.object({ items: z.array(MallCalendarDay) }) },
      },
    },
    async (req) => {
      const mall = req.mall;
      return { items: await service.listHolidays(ctx, mall.id, req.query.from, req.query.to) };
    },
  );

  app.post(
    '/api/v1/malls/:mall/holidays',
    {
      config: { access: 'staff', action: 'hours.manage' },
      schema: {
        tags: ['calendar'],
        summary: 'Add or rename the mall’s own closures (local_closure) — one or many (mall admin)',
        params: MallParams,
        body: z.union([LocalClosure, z.object({ items: z.array(LocalClosure).min(1).max(400) })]),
        response: { 201: z.object({ saved: z.number() }) },
      },
    },
    async (req, reply) => {
      const mall = req.mall;
      const actor = guard(req, 'hours.manage', { mallId: mall.id });
      const items = 'items' in req.body ? req.body.items : [req.body];
      await service.saveHolidays(ctx, actor, mall.id, items);
      return reply.status(201).send({ saved: items.length });
    },
  );

  app.delete(
    '/api/v1/malls/:mall/holidays/:date',
    {
      config: { access: 'staff', action: 'hours.manage' },
      schema: {
        tags: ['calendar'],
        summary: 'Remove one of the mall’s own closures (mall admin)',
        params: MallParams.extend({ date: LocalDate }),
        response: { 204: NoContent },
      },
    },
    async (req, reply) => {
      const mall = req.mall;
      const actor = guard(req, 'hours.manage', { mallId: mall.id });
      await service.removeHoliday(ctx, actor, mall.id, req.params.date);
      return reply.status(204).send();
    },
  );
}
