import {
  Attendance,
  AttendanceQuery,
  CounterRequest,
  CounterRequestDecision,
  CounterRequestInput,
  CounterRequestList,
  CounterRequestQuery,
  CounterSession,
  OfficerWork,
  OfficerWorkQuery,
} from '../../../shared/contracts/attendance.js';
import { Id } from '../../../shared/contracts/catalog.js';
import { guard, requireActor } from '../../auth/guard.js';
import type { AppContext } from '../../context.js';
import { type App, MallParams } from '../../http.js';
import * as service from './attendance.service.js';

const CounterParams = MallParams.extend({ counterId: Id });
const RequestParams = MallParams.extend({ id: Id });
const tags = ['attendance'];

/** Officers at the counters: sign-in/out (attendance), break and closure requests, the work report. */
export async function attendanceRoutes(app: App, ctx: AppContext): Promise<void> {
  for (const [action, summary] of [
    ['sign-in', 'Sign in at a counter (attendance); 409 COUNTER_OCCUPIED when another officer is there'],
    ['sign-out', 'Sign out of a counter; 409 NOT_SIGNED_IN when not signed in there'],
  ] as const) {
    app.post(
      `/api/v1/malls/:mall/counters/:counterId/${action}`,
      {
        config: { access: 'staff', action: 'counter.operate' },
        schema: { tags, summary, params: CounterParams, response: { 200: CounterSession } },
      },
      async (req) => {
        const fn = action === 'sign-in' ? service.signIn : service.signOut;
        return fn(ctx, req.mall, requireActor(req), req.params.counterId);
      },
    );
  }

  app.get(
    '/api/v1/malls/:mall/attendance',
    {
      config: { access: 'staff', action: 'attendance.read' },
      schema: {
        tags,
        summary:
          'Officers signed in on a local date: first in, last out, minutes, sessions (admins, auditors)',
        params: MallParams,
        querystring: AttendanceQuery,
        response: { 200: Attendance },
      },
    },
    async (req) => {
      const actor = requireActor(req); // the agency a reader is confined to: attendance.service
      return service.attendance(ctx, req.mall, actor, req.query);
    },
  );

  app.post(
    '/api/v1/malls/:mall/counters/:counterId/requests',
    {
      config: { access: 'staff', action: 'counter.operate' },
      schema: {
        tags,
        summary: 'Ask for a break or a closure of the counter, with the reason the board will show',
        params: CounterParams,
        body: CounterRequestInput,
        response: { 201: CounterRequest },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await service.requestPause(ctx, req.mall, requireActor(req), req.params.counterId, req.body)),
  );

  app.get(
    '/api/v1/malls/:mall/counter-requests',
    {
      config: { access: 'staff', action: 'attendance.read' },
      schema: {
        tags,
        summary: 'Break and closure requests, newest first (admins, auditors)',
        params: MallParams,
        querystring: CounterRequestQuery,
        response: { 200: CounterRequestList },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return service.listRequests(ctx, req.mall, actor, req.query.status);
    },
  );

  app.post(
    '/api/v1/malls/:mall/counter-requests/:id/decision',
    {
      config: { access: 'staff', action: 'counter.approve' },
      schema: {
        tags,
        summary:
          'Approve (the counter goes on break or closes, the reason on the boards) or reject (mall admin)',
        params: RequestParams,
        body: CounterRequestDecision,
        response: { 200: CounterRequest },
      },
    },
    async (req) => {
      const actor = guard(req, 'counter.approve', { mallId: req.mall.id });
      return service.decideRequest(ctx, req.mall, actor, req.params.id, req.body);
    },
  );

  app.get(
    '/api/v1/malls/:mall/reports/officers',
    {
      config: { access: 'staff', action: 'attendance.read' },
      schema: {
        tags,
        summary:
          'Officers’ work per counter: minutes signed in, serving, called but not started, idle while citizens waited',
        params: MallParams,
        querystring: OfficerWorkQuery,
        response: { 200: OfficerWork },
      },
    },
    async (req) => {
      const actor = requireActor(req); // the agency a reader is confined to: attendance.service
      return service.officerWork(ctx, req.mall, actor, req.query);
    },
  );
}
