import { z } from 'zod';
import {
  MessageEvent,
  MessageLocale,
  MessageTemplate,
  MessageTemplateInput,
  RenderedMessage,
  TemplatePreviewInput,
} from '../../../shared/contracts/outbox.js';
import { guard } from '../../auth/guard.js';
import type { AppContext } from '../../context.js';
import { type App, MallParams } from '../../http.js';
import * as service from './templates.service.js';

const TemplateParams = MallParams.extend({ event: MessageEvent, locale: MessageLocale });
const tags = ['outbox'];

/** The mall's wording of outgoing messages, per event and language, with a preview. */
export async function templatesRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(
    '/api/v1/malls/:mall/message-templates',
    {
      config: { access: 'staff', action: 'outbox.read' },
      schema: {
        tags,
        summary: 'Message templates of every event and language (the mall’s own, else the default)',
        params: MallParams,
        response: { 200: z.object({ items: z.array(MessageTemplate) }) },
      },
    },
    async (req) => {
      guard(req, 'outbox.read', { mallId: req.mall.id });
      return { items: await service.listMessageTemplates(ctx, req.mall) };
    },
  );

  app.get(
    '/api/v1/malls/:mall/message-templates/:event/:locale',
    {
      config: { access: 'staff', action: 'outbox.read' },
      schema: {
        tags,
        summary: 'One message template',
        params: TemplateParams,
        response: { 200: MessageTemplate },
      },
    },
    async (req) => {
      guard(req, 'outbox.read', { mallId: req.mall.id });
      return service.getMessageTemplate(ctx, req.mall, req.params.event, req.params.locale);
    },
  );

  app.put(
    '/api/v1/malls/:mall/message-templates/:event/:locale',
    {
      config: { access: 'staff', action: 'outbox.manage' },
      schema: {
        tags,
        summary: 'Set the mall’s wording of a message (unknown placeholder → 422 TEMPLATE_INVALID)',
        params: TemplateParams,
        body: MessageTemplateInput,
        response: { 200: MessageTemplate },
      },
    },
    async (req) => {
      const actor = guard(req, 'outbox.manage', { mallId: req.mall.id });
      const { event, locale } = req.params;
      return service.saveMessageTemplate(ctx, actor, req.mall, event, locale, req.body);
    },
  );

  app.delete(
    '/api/v1/malls/:mall/message-templates/:event/:locale',
    {
      config: { access: 'staff', action: 'outbox.manage' },
      schema: {
        tags,
        summary: 'Back to the default wording',
        params: TemplateParams,
        response: { 200: MessageTemplate },
      },
    },
    async (req) => {
      const actor = guard(req, 'outbox.manage', { mallId: req.mall.id });
      return service.resetMessageTemplate(ctx, actor, req.mall, req.params.event, req.params.locale);
    },
  );

  app.post(
    '/api/v1/malls/:mall/message-templates/preview',
    {
      config: { access: 'staff', action: 'outbox.read' },
      schema: {
        tags,
        summary: 'A wording filled with sample values (nothing saved; unknown placeholder → 422)',
        params: MallParams,
        body: TemplatePreviewInput,
        response: { 200: RenderedMessage },
      },
    },
    async (req) => {
      guard(req, 'outbox.read', { mallId: req.mall.id });
      return service.previewMessage(ctx, req.mall, req.body);
    },
  );
}
