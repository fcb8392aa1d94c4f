import type { z } from 'zod';
import { Id } from '../../../shared/contracts/catalog.js';
import {
  AnswerInput,
  ComplaintDeskList,
  ComplaintDeskQuery,
  ComplaintForStaff,
  ComplaintReporterFull,
  ComplaintSettings,
  ComplaintSettingsInput,
  ComplaintStats,
  ComplaintStatsQuery,
  DispatchInput,
  ReasonInput,
  RerouteInput,
} from '../../../shared/contracts/complaints.js';
import { guard, requireActor } from '../../auth/guard.js';
import type { Action, Actor } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { type App, MallParams } from '../../http.js';
import type { MallRecord } from '../malls/malls.service.js';
import * as actions from './complaints.actions.js';
import { attachmentForStaff } from './complaints.attachments.js';
import { listDesk, readForStaff, readReporter, stats } from './complaints.reads.js';
import { sendFile } from './complaints.routes.js';
import { getSettings, saveSettings } from './complaints.settings.js';

const IdParams = MallParams.extend({ id: Id });
const tags = ['complaints'];

/**
 * The staff side: the mall's complaint desk (verify and dispatch, hold, re-route, archive; the
 * reporter's contacts by audited read; escalation contacts) and the agency's desk (answer, return),
 * confined by the policy to complaints dispatched to the agency.
 */
export async function complaintsDeskRoutes(app: App, ctx: AppContext): Promise<void> {
  const staff = (action: Action) => ({ access: 'staff' as const, action });

  app.get(
    '/api/v1/malls/:mall/complaints',
    {
      config: staff('complaint.read'),
      schema: {
        tags,
        summary:
          'The desk: every report (mall desk, auditors) or those dispatched to the own agency (agency staff)',
        params: MallParams,
        querystring: ComplaintDeskQuery,
        response: { 200: ComplaintDeskList },
      },
    },
    async (req) => listDesk(ctx, requireActor(req), req.mall, req.query),
  );

  app.get(
    '/api/v1/malls/:mall/complaints/stats',
    {
      config: staff('complaint.read'),
      schema: {
        tags,
        summary:
          'Reports of a period per status, type, agency, service and counter, and how many are overdue',
        params: MallParams,
        querystring: ComplaintStatsQuery,
        response: { 200: ComplaintStats },
      },
    },
    async (req) => stats(ctx, requireActor(req), req.mall, req.query.from, req.query.to),
  );

  app.get(
    '/api/v1/malls/:mall/complaints/settings',
    {
      config: staff('complaint.manage'),
      schema: {
        tags,
        summary: 'Where overdue reports are escalated (e-mail, WhatsApp)',
        params: MallParams,
        response: { 200: ComplaintSettings },
      },
    },
    async (req) => {
      guard(req, 'complaint.manage', { mallId: req.mall.id });
      return getSettings(ctx, req.mall);
    },
  );

  app.put(
    '/api/v1/malls/:mall/complaints/settings',
    {
      config: staff('complaint.manage'),
      schema: {
        tags,
        summary: 'Set where overdue reports are escalated',
        params: MallParams,
        body: ComplaintSettingsInput,
        response: { 200: ComplaintSettings },
      },
    },
    async (req) =>
      saveSettings(ctx, guard(req, 'complaint.manage', { mallId: req.mall.id }), req.mall, req.body),
  );

  app.get(
    '/api/v1/malls/:mall/complaints/:id',
    {
      config: staff('complaint.read'),
      schema: {
        tags,
        summary: 'One report with its history (reporter contacts masked)',
        params: IdParams,
        response: { 200: ComplaintForStaff },
      },
    },
    async (req) => readForStaff(ctx, requireActor(req), req.mall, req.params.id),
  );

  app.get(
    '/api/v1/malls/:mall/complaints/:id/reporter',
    {
      config: staff('complaint.readReporter'),
      schema: {
        tags,
        summary: 'The reporter’s contacts unmasked (mall desk only; every read is audited)',
        params: IdParams,
        response: { 200: ComplaintReporterFull },
      },
    },
    async (req) => readReporter(ctx, requireActor(req), req.mall, req.params.id),
  );

  app.get(
    '/api/v1/malls/:mall/complaints/:id/attachments/:attachmentId',
    {
      config: staff('complaint.read'),
      schema: { tags, summary: 'An attachment of the report', params: IdParams.extend({ attachmentId: Id }) },
    },
    async (req, reply) =>
      sendFile(
        reply,
        await attachmentForStaff(ctx, requireActor(req), req.mall, req.params.id, req.params.attachmentId),
      ),
  );

  /** An action on one report; answers the report as the actor now sees it. */
  const act = <B extends z.ZodType>(
    path: string,
    action: Action,
    summary: string,
    body: B,
    run: (actor: Actor, mall: MallRecord, id: number, b: z.infer<B>) => Promise<void>,
  ) =>
    app.post(
      `/api/v1/malls/:mall/complaints/:id/${path}`,
      {
        config: staff(action),
        schema: { tags, summary, params: IdParams, body, response: { 200: ComplaintForStaff } },
      },
      async (req) => {
        const actor = requireActor(req);
        await run(actor, req.mall, req.params.id, req.body as z.infer<B>);
        return readForStaff(ctx, actor, req.mall, req.params.id, true);
      },
    );

  act(
    'dispatch',
    'complaint.manage',
    'Verify and dispatch to the responsible agency (its 5-working-day follow-up starts)',
    DispatchInput,
    (a, m, id, b) => actions.dispatch(ctx, a, m, id, b.agencyId, b.note),
  );
  act(
    'hold',
    'complaint.manage',
    'Hold (e.g. waiting for the reporter): the reason is shown to the reporter',
    ReasonInput,
    (a, m, id, b) => actions.hold(ctx, a, m, id, b.reason),
  );
  act(
    'reroute',
    'complaint.manage',
    'Re-route to another agency ("not our authority")',
    RerouteInput,
    (a, m, id, b) => actions.reroute(ctx, a, m, id, b.agencyId, b.reason),
  );
  act('archive', 'complaint.manage', 'Archive with a reason the reporter reads', ReasonInput, (a, m, id, b) =>
    actions.archive(ctx, a, m, id, b.reason),
  );
  act(
    'answer',
    'complaint.answer',
    'The agency’s answer (the reporter is told; auto-close in 10 working days)',
    AnswerInput,
    (a, m, id, b) => actions.answer(ctx, a, m, id, b.message),
  );
  act(
    'return',
    'complaint.answer',
    'The agency returns it to the mall desk: not its authority',
    ReasonInput,
    (a, m, id, b) => actions.returnToDesk(ctx, a, m, id, b.reason),
  );
}
