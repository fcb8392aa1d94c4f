import { webPushChannel } from '../../push/webpush.channel.js';
import { webhookChannel } from '../../webhooks/webhook.channel.js';
import type { ChannelName, OutboxChannel } from '../outbox.types.js';
import { emailChannel } from './email.js';
import { smsChannel, whatsappChannel } from './http-gateway.js';

/**
 * The ways out, by name. Each channel module adds one line here (push, webhooks, e-mail); the worker
 * asks `channelOf(row.channel)` for every message it claims.
 */
const channels = new Map<ChannelName, OutboxChannel>();

export function registerChannel(channel: OutboxChannel): void {
  channels.set(channel.name, channel);
}

export function channelOf(name: string): OutboxChannel | undefined {
  return channels.get(name as ChannelName);
}

export function registeredChannels(): OutboxChannel[] {
  return [...channels.values()];
}

registerChannel(whatsappChannel);
registerChannel(smsChannel);
registerChannel(emailChannel);
registerChannel(webhookChannel);
registerChannel(webPushChannel);
