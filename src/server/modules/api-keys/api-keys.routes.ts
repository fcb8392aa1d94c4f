import { z } from 'zod';
import { Id } from '../../../shared/contracts/catalog.js';
import { ApiKey, ApiKeyCreated, ApiKeyInput } from '../../../shared/contracts/integrations.js';
import { guard } from '../../auth/guard.js';
import type { AppContext } from '../../context.js';
import { type App, MallParams } from '../../http.js';
import * as service from './api-keys.service.js';

const KeyParams = MallParams.extend({ id: Id });
const tags = ['integrations'];

export async function apiKeysRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(
    '/api/v1/malls/:mall/api-keys',
    {
      config: { access: 'staff', action: 'apikeys.manage' },
      schema: {
        tags,
        summary: 'The mall’s API keys for integrators: name, scopes, key prefix, last used, revoked',
        params: MallParams,
        response: { 200: z.object({ items: z.array(ApiKey) }) },
      },
    },
    async (req) => {
      guard(req, 'apikeys.manage', { mallId: req.mall.id });
      return { items: await service.listApiKeys(ctx, req.mall) };
    },
  );

  app.post(
    '/api/v1/malls/:mall/api-keys',
    {
      config: { access: 'staff', action: 'apikeys.manage' },
      schema: {
        tags,
        summary: 'Issue an API key ("sa_…", shown once; send it as `Authorization: Bearer sa_…`)',
        params: MallParams,
        body: ApiKeyInput,
        response: { 201: ApiKeyCreated },
      },
    },
    async (req, reply) => {
      const actor = guard(req, 'apikeys.manage', { mallId: req.mall.id });
      return reply.status(201).send(await service.createApiKey(ctx, actor, req.mall, req.body));
    },
  );

  app.delete(
    '/api/v1/malls/:mall/api-keys/:id',
    {
      config: { access: 'staff', action: 'apikeys.manage' },
      schema: { tags, summary: 'Revoke an API key: it stops working at once', params: KeyParams },
    },
    async (req, reply) => {
      const actor = guard(req, 'apikeys.manage', { mallId: req.mall.id });
      await service.revokeApiKey(ctx, actor, req.mall, req.params.id);
      return reply.status(204).send();
    },
  );
}
