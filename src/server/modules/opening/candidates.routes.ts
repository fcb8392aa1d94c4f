import { z } from 'zod';
import { Id } from '../../../shared/contracts/catalog.js';
import {
  Candidate,
  CandidateInput,
  CandidatePatch,
  ConsultationInput,
  DecisionInput,
  Shortlist,
} from '../../../shared/contracts/opening.js';
import { guard } from '../../auth/guard.js';
import type { AppContext } from '../../context.js';
import { type App, MallParams } from '../../http.js';
import * as service from './candidates.service.js';

const IdParams = MallParams.extend({ id: Id });
const tags = ['opening'];

/** Candidate agencies, the public consultation's input, the ranked shortlist and the decisions. */
export async function candidatesRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(
    '/api/v1/malls/:mall/candidates',
    {
      config: { access: 'staff', action: 'opening.read' },
      schema: {
        tags,
        summary: 'Candidate agencies with their services, consultation input and decision',
        params: MallParams,
        response: { 200: z.object({ items: z.array(Candidate) }) },
      },
    },
    async (req) => {
      guard(req, 'opening.read', { mallId: req.mall.id });
      return { items: await service.listCandidates(ctx, req.mall.id) };
    },
  );
  app.get(
    '/api/v1/malls/:mall/candidates/shortlist',
    {
      config: { access: 'staff', action: 'opening.read' },
      schema: {
        tags,
        summary: "Candidates ranked by the public's votes against the space available (counters, desks)",
        params: MallParams,
        response: { 200: Shortlist },
      },
    },
    async (req) => {
      guard(req, 'opening.read', { mallId: req.mall.id });
      return service.shortlist(ctx, req.mall);
    },
  );
  app.post(
    '/api/v1/malls/:mall/candidates',
    {
      config: { access: 'staff', action: 'opening.manage' },
      schema: {
        tags,
        summary: 'Add a candidate agency of any type with its services',
        params: MallParams,
        body: CandidateInput,
        response: { 201: Candidate },
      },
    },
    async (req, reply) => {
      const actor = guard(req, 'opening.manage', { mallId: req.mall.id });
      return reply.status(201).send(await service.createCandidate(ctx, actor, req.mall, req.body));
    },
  );
  app.patch(
    '/api/v1/malls/:mall/candidates/:id',
    {
      config: { access: 'staff', action: 'opening.manage' },
      schema: {
        tags,
        summary: 'Edit a candidate (name, type, space needed, note)',
        params: IdParams,
        body: CandidatePatch,
        response: { 200: Candidate },
      },
    },
    async (req) => {
      const actor = guard(req, 'opening.manage', { mallId: req.mall.id });
      return service.updateCandidate(ctx, actor, req.mall, req.params.id, req.body);
    },
  );
  app.post(
    '/api/v1/malls/:mall/candidates/:id/inputs',
    {
      config: { access: 'staff', action: 'opening.manage' },
      schema: {
        tags,
        summary: "A consultation forum's requests and votes for a candidate (date and source of the forum)",
        params: IdParams,
        body: ConsultationInput,
        response: { 201: Candidate },
      },
    },
    async (req, reply) => {
      const actor = guard(req, 'opening.manage', { mallId: req.mall.id });
      return reply.status(201).send(await service.addInput(ctx, actor, req.mall, req.params.id, req.body));
    },
  );
  app.post(
    '/api/v1/malls/:mall/candidates/:id/decision',
    {
      config: { access: 'staff', action: 'opening.manage' },
      schema: {
        tags,
        summary: 'Decide with a reason: join (creates the agency with its services), wait or decline',
        params: IdParams,
        body: DecisionInput,
        response: { 200: Candidate },
      },
    },
    async (req) => {
      const actor = guard(req, 'opening.manage', { mallId: req.mall.id });
      return service.decide(ctx, actor, req.mall, req.params.id, req.body);
    },
  );
}
