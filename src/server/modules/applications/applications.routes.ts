import { z } from 'zod';
import {
  ApplicantIdentity,
  ApplicationCreated,
  ApplicationDetail,
  ApplicationInput,
  ApplicationList,
  ApplicationListQuery,
  AssignInput,
  PublicTracking,
  StatusInput,
} from '../../../shared/contracts/applications.js';
import { Id } from '../../../shared/contracts/catalog.js';
import { RevealInput } from '../../../shared/contracts/privacy.js';
import { requireActor } from '../../auth/guard.js';
import type { AppContext } from '../../context.js';
import { type App, MallParams } from '../../http.js';
import { requireAccessReason } from '../privacy/privacy.reason.js';
import { applicationDetail, listApplications, readIdentity, track } from './applications.read.js';
import { assign, changeStatus, intake } from './applications.service.js';

const AppParams = MallParams.extend({ id: Id });
const tags = ['applications'];

/** The back office: intake at the counter, the agency's desk, public tracking (issue 12). */
export async function applicationsRoutes(app: App, ctx: AppContext): Promise<void> {
  app.post(
    '/api/v1/malls/:mall/applications',
    {
      config: { access: 'staff', action: 'application.intake' },
      schema: {
        tags,
        summary:
          'File an application at the counter (checklist from the standard in force; missing → 422 REQUIREMENTS_MISSING)',
        params: MallParams,
        body: ApplicationInput,
        response: { 201: ApplicationCreated },
      },
    },
    async (req, reply) => reply.status(201).send(await intake(ctx, requireActor(req), req.mall, req.body)),
  );

  app.get(
    '/api/v1/malls/:mall/applications',
    {
      config: { access: 'staff', action: 'application.read' },
      schema: {
        tags,
        summary: 'The desk: applications of the own agency with due dates (soonest first) and filters',
        params: MallParams,
        querystring: ApplicationListQuery,
        response: { 200: ApplicationList },
      },
    },
    async (req) => listApplications(ctx, requireActor(req), req.mall, req.query),
  );

  app.get(
    '/api/v1/malls/:mall/applications/:id',
    {
      config: { access: 'staff', action: 'application.read' },
      schema: {
        tags,
        summary: 'One application with its history, pauses and payments (NIK and phone masked)',
        params: AppParams,
        response: { 200: ApplicationDetail },
      },
    },
    async (req) => applicationDetail(ctx, requireActor(req), req.mall, req.params.id),
  );

  app.post(
    '/api/v1/malls/:mall/applications/:id/identity',
    {
      config: { access: 'staff', action: 'application.process' },
      preValidation: requireAccessReason,
      schema: {
        tags,
        summary:
          'The full NIK and phone number, with the reason for reading them (back office; every read is audited with the reason)',
        params: AppParams,
        body: RevealInput,
        response: { 200: ApplicantIdentity },
      },
    },
    async (req) => readIdentity(ctx, requireActor(req), req.mall, req.params.id, req.body),
  );

  app.post(
    '/api/v1/malls/:mall/applications/:id/status',
    {
      config: { access: 'staff', action: 'application.process' },
      schema: {
        tags,
        summary:
          'Move an application: received → in_process → (needs_correction ↔ in_process) → approved | rejected (reason) → ready → collected | delivered; else 409',
        params: AppParams,
        body: StatusInput,
        response: { 200: ApplicationDetail },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await changeStatus(ctx, actor, req.mall, req.params.id, req.body);
      return applicationDetail(ctx, actor, req.mall, req.params.id);
    },
  );

  app.post(
    '/api/v1/malls/:mall/applications/:id/assign',
    {
      config: { access: 'staff', action: 'application.process' },
      schema: {
        tags,
        summary: 'Assign the file to a back-office member of the agency (null: unassign)',
        params: AppParams,
        body: AssignInput,
        response: { 200: ApplicationDetail },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await assign(ctx, actor, req.mall, req.params.id, req.body);
      return applicationDetail(ctx, actor, req.mall, req.params.id);
    },
  );

  app.get(
    '/api/v1/track/:trackingCode',
    {
      config: { access: 'public', action: 'public.read' },
      schema: {
        tags,
        summary:
          'Public tracking by the code on the receipt: status, history, due date; no personal data, no staff',
        params: z.object({ trackingCode: z.string().min(4).max(32) }),
        response: { 200: PublicTracking },
      },
    },
    async (req) => track(ctx, req.params.trackingCode),
  );
}
