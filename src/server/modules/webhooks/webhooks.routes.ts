import { z } from 'zod';
import { Id } from '../../../shared/contracts/catalog.js';
import {
  Webhook,
  WebhookCreated,
  WebhookDeliveries,
  WebhookInput,
  WebhookPatch,
  WebhookTestResult,
} from '../../../shared/contracts/integrations.js';
import { guard } from '../../auth/guard.js';
import type { AppContext } from '../../context.js';
import { type App, MallParams } from '../../http.js';
import * as service from './webhooks.service.js';

const HookParams = MallParams.extend({ id: Id });
const tags = ['integrations'];
const config = { access: 'staff', action: 'webhooks.manage' } as const;

export async function webhooksRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(
    '/api/v1/malls/:mall/webhooks',
    {
      config,
      schema: {
        tags,
        summary: 'The mall’s webhook subscriptions (never their secrets), with any automatic switch-off',
        params: MallParams,
        response: { 200: z.object({ items: z.array(Webhook) }) },
      },
    },
    async (req) => {
      guard(req, 'webhooks.manage', { mallId: req.mall.id });
      return { items: await service.listWebhooks(ctx, req.mall) };
    },
  );

  app.post(
    '/api/v1/malls/:mall/webhooks',
    {
      config,
      schema: {
        tags,
        summary: 'Subscribe a URL to events; answers the signing secret ("whsec_…") once',
        params: MallParams,
        body: WebhookInput,
        response: { 201: WebhookCreated },
      },
    },
    async (req, reply) => {
      const actor = guard(req, 'webhooks.manage', { mallId: req.mall.id });
      return reply.status(201).send(await service.createWebhook(ctx, actor, req.mall, req.body));
    },
  );

  app.get(
    '/api/v1/malls/:mall/webhooks/:id',
    {
      config,
      schema: { tags, summary: 'One webhook subscription', params: HookParams, response: { 200: Webhook } },
    },
    async (req) => {
      guard(req, 'webhooks.manage', { mallId: req.mall.id });
      return service.getWebhook(ctx, req.mall, req.params.id);
    },
  );

  app.patch(
    '/api/v1/malls/:mall/webhooks/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Change the URL or events, switch off, or switch back on (clears an automatic switch-off)',
        params: HookParams,
        body: WebhookPatch,
        response: { 200: Webhook },
      },
    },
    async (req) => {
      const actor = guard(req, 'webhooks.manage', { mallId: req.mall.id });
      return service.updateWebhook(ctx, actor, req.mall, req.params.id, req.body);
    },
  );

  app.delete(
    '/api/v1/malls/:mall/webhooks/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Delete a subscription; its waiting messages are cancelled',
        params: HookParams,
      },
    },
    async (req, reply) => {
      const actor = guard(req, 'webhooks.manage', { mallId: req.mall.id });
      await service.deleteWebhook(ctx, actor, req.mall, req.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/malls/:mall/webhooks/:id/deliveries',
    {
      config,
      schema: {
        tags,
        summary: 'Delivery log: the latest messages, their status and every try (time, HTTP status, error)',
        params: HookParams,
        response: { 200: WebhookDeliveries },
      },
    },
    async (req) => {
      guard(req, 'webhooks.manage', { mallId: req.mall.id });
      return { items: await service.listDeliveries(ctx, req.mall, req.params.id) };
    },
  );

  app.post(
    '/api/v1/malls/:mall/webhooks/:id/test',
    {
      config,
      schema: {
        tags,
        summary: 'Send a signed `webhook.ping` now (also to a switched-off subscription)',
        params: HookParams,
        response: { 202: WebhookTestResult },
      },
    },
    async (req, reply) => {
      const actor = guard(req, 'webhooks.manage', { mallId: req.mall.id });
      return reply.status(202).send(await service.sendTestPing(ctx, actor, req.mall, req.params.id));
    },
  );
}
