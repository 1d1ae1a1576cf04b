import { startShareRequestSchema } from '../../shared/api/shareContract.js';
import { ShareError, type NetworkShare } from '../core/networkShare.js';
import type { ApiContext, ApiRouteId, RouteHandler } from './apiContext.js';
import { readJsonBody, sendJson } from './responses.js';

function shareOf(ctx: ApiContext): NetworkShare {
  if (!ctx.share) {
    throw new ShareError(
      'This core cannot be shared on the network (started without a share listener).',
      503,
    );
  }
  return ctx.share;
}

/** The share routes (shared/api/shareContract.ts); the access table keeps them to the owner. */
export const shareHandlers = {
  shareStatus: (ctx, { res }) => sendJson(res, 200, shareOf(ctx).status()),
  startShare: async (ctx, { req, res }) => {
    const share = shareOf(ctx);
    const body = await readJsonBody(req, startShareRequestSchema);
    sendJson(res, 200, await share.start(body));
  },
  stopShare: async (ctx, { res }) => sendJson(res, 200, await shareOf(ctx).stop()),
} satisfies Partial<Record<ApiRouteId, RouteHandler>>;
