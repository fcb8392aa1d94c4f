import { z } from 'zod';
import { Holiday, LocalDate, OpeningDay } from '../../../shared/contracts/catalog.js';
import { guard } from '../../auth/guard.js';
import type { AppContext } from '../../context.js';
import { type App, MallParams } from '../../http.js';
import { resolveMall } from '../malls/malls.service.js';
import * as service from './calendar.service.js';

export async function calendarRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(
    '/api/v1/malls/:mall/calendar/working-days',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Add N working days to a local date (skips the mall’s non-working weekdays and holidays)',
        params: MallParams,
        querystring: z.object({ from: LocalDate, add: z.coerce.number().int().min(-3650).max(3650) }),
        response: { 200: z.object({ date: z.string() }) },
      },
    },
    async (req) => {
      const mall = await resolveMall(ctx, req.params.mall);
      return { date: await service.addMallWorkingDays(ctx, mall, req.query.from, req.query.add) };
    },
  );

  app.get(
    '/api/v1/malls/:mall/opening-hours',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Opening hours per weekday with breaks (e.g. the Friday-prayer break)',
        params: MallParams,
        response: { 200: z.object({ workingWeekdays: z.array(z.number()), days: z.array(OpeningDay) }) },
      },
    },
    async (req) => {
      const mall = await resolveMall(ctx, req.params.mall);
      return {
        workingWeekdays: JSON.parse(mall.working_days) as number[],
        days: await service.getOpeningHours(ctx, mall.id),
      };
    },
  );

  app.put(
    '/api/v1/malls/:mall/opening-hours',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Replace the opening hours (mall admin)',
        params: MallParams,
        body: z.object({
          days: z.array(OpeningDay).max(7),
          workingWeekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7).optional(),
        }),
      },
    },
    async (req) => {
      const mall = await resolveMall(ctx, req.params.mall);
      const actor = guard(req, 'hours.manage', { mallId: mall.id });
      await service.setOpeningHours(ctx, actor, mall, req.body.days, req.body.workingWeekdays);
      return { ok: true };
    },
  );

  app.get(
    '/api/v1/malls/:mall/holidays',
    {
      schema: {
        tags: ['calendar'],
        params: MallParams,
        querystring: z.object({ from: LocalDate.optional(), to: LocalDate.optional() }),
        response: { 200: z.object({ items: z.array(Holiday) }) },
      },
    },
    async (req) => {
      const mall = await resolveMall(ctx, req.params.mall);
      return { items: await service.listHolidays(ctx, mall.id, req.query.from, req.query.to) };
    },
  );

  app.post(
    '/api/v1/malls/:mall/holidays',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Add or rename holidays (national holidays, cuti bersama) — one or many',
        params: MallParams,
        body: z.union([Holiday, z.object({ items: z.array(Holiday).min(1).max(400) })]),
      },
    },
    async (req, reply) => {
      const mall = await resolveMall(ctx, req.params.mall);
      const actor = guard(req, 'hours.manage', { mallId: mall.id });
      const items = 'items' in req.body ? req.body.items : [req.body];
      await service.saveHolidays(ctx, actor, mall.id, items);
      return reply.status(201).send({ saved: items.length });
    },
  );

  app.delete(
    '/api/v1/malls/:mall/holidays/:date',
    { schema: { tags: ['calendar'], params: MallParams.extend({ date: LocalDate }) } },
    async (req, reply) => {
      const mall = await resolveMall(ctx, req.params.mall);
      const actor = guard(req, 'hours.manage', { mallId: mall.id });
      await service.removeHoliday(ctx, actor, mall.id, req.params.date);
      return reply.status(204).send();
    },
  );
}
