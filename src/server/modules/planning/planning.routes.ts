import { DayPlan, DayPlanQuery, StaffingQuery, StaffingResult } from '../../../shared/contracts/planning.js';
import { staffing } from '../../../shared/domain/erlang-c.js';
import { guard } from '../../auth/guard.js';
import type { AppContext } from '../../context.js';
import { type App, MallParams } from '../../http.js';
import { dayPlan } from './planning.service.js';

/** Not about one mall: the planner is a calculator any staff member may use. */
const DEPLOYMENT = { mallId: 0 };

export async function planningRoutes(app: App, ctx: AppContext): Promise<void> {
  app.post(
    '/api/v1/planning/staffing',
    {
      config: { access: 'staff', action: 'planning.compute' },
      schema: {
        tags: ['planning'],
        summary:
          'Counters needed to call a target share of citizens within a target wait (Erlang C, M/M/N), ' +
          'from arrivals per hour and mean service minutes (staff)',
        body: StaffingQuery,
        response: { 200: StaffingResult },
      },
    },
    async (req) => {
      guard(req, 'planning.compute', DEPLOYMENT);
      return staffing(req.body);
    },
  );

  app.get(
    '/api/v1/malls/:mall/planning/day',
    {
      config: { access: 'staff', action: 'queue.read' },
      schema: {
        tags: ['planning'],
        summary:
          'Counters needed hour by hour on a local date, forecast from the same weekday of past weeks ' +
          '(the mall’s own ticket history) by Erlang C (staff)',
        params: MallParams,
        querystring: DayPlanQuery,
        response: { 200: DayPlan },
      },
    },
    async (req) => {
      guard(req, 'queue.read', { mallId: req.mall.id, agencyId: req.query.agencyId });
      return dayPlan(ctx, req.mall, req.query);
    },
  );
}
