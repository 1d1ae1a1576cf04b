import {
  organisationListSchema,
  publishRequestSchema,
  publishSettingsSchema,
  publishTokenSchema,
  type LicenceList,
  type OrganisationList,
} from '../../shared/api/publishContract.js';
import { BundleRequestError, collectBundle } from '../bundle/collectBundle.js';
import { CkanClient, CkanError } from '../publish/ckanClient.js';
import { portalLicences } from '../publish/portalLicence.js';
import { coreSource } from './bundleRoutes.js';
import { param, type ApiContext, type ApiRouteId, type RouteCall, type RouteHandler } from './apiContext.js';
import { readJsonBody, sendError, sendJson } from './responses.js';

/**
 * Publishing to the open-data portal over HTTP (contract: shared/api/publishContract.ts). The owner
 * keeps the settings and the token (server/publish/publishConfig.ts); organisers of an event start,
 * watch and cancel its publication (server/publish/publishJobs.ts). The token is never answered.
 */

function publishing(ctx: ApiContext, call: RouteCall): NonNullable<ApiContext['publish']> | undefined {
  if (!ctx.publish) {
    sendError(call.res, 404, 'This core does not publish.');
  }
  return ctx.publish;
}

function unknownPublication(call: RouteCall, id: string): void {
  sendError(call.res, 404, `There is no publication "${id}" of this event (kept until the core stops).`);
}

/** The HTTP status for a portal error when the core asked on the owner's behalf. */
function statusOf(error: CkanError): number {
  return error.kind === 'permission'
    ? 403
    : error.kind === 'unreachable' || error.kind === 'portal'
      ? 502
      : 400;
}

/**
 * Asks the portal something on the owner's behalf (with the kept token) and answers the result;
 * 409 before the portal and token are set, the portal's errors in plain words otherwise.
 */
async function askPortal(
  ctx: ApiContext,
  call: RouteCall,
  ask: (client: CkanClient) => Promise<unknown>,
): Promise<void> {
  const publish = publishing(ctx, call);
  if (!publish) {
    return;
  }
  const { portal } = publish.config.settings();
  const token = publish.config.token();
  if (portal === '' || !token) {
    sendError(
      call.res,
      409,
      'Set the portal address and its API token first.',
      undefined,
      'publish-settings',
    );
    return;
  }
  try {
    sendJson(
      call.res,
      200,
      await ask(new CkanClient({ portal, token: token.token, attempts: 2, timeoutMs: 15_000 })),
    );
  } catch (error) {
    if (error instanceof CkanError) {
      sendError(call.res, statusOf(error), error.message, undefined, `ckan-${error.kind}`);
      return;
    }
    throw error;
  }
}

/** The handlers of the publishing routes. */
export const publishHandlers = {
  publishSettings: (ctx, call) => {
    const publish = publishing(ctx, call);
    if (publish) {
      sendJson(call.res, 200, publish.config.info());
    }
  },
  putPublishSettings: async (ctx, call) => {
    const publish = publishing(ctx, call);
    if (publish) {
      publish.config.saveSettings(await readJsonBody(call.req, publishSettingsSchema));
      sendJson(call.res, 200, publish.config.info());
    }
  },
  putPublishToken: async (ctx, call) => {
    const publish = publishing(ctx, call);
    if (publish) {
      publish.config.setToken((await readJsonBody(call.req, publishTokenSchema)).token);
      sendJson(call.res, 200, publish.config.info());
    }
  },
  clearPublishToken: (ctx, call) => {
    const publish = publishing(ctx, call);
    if (publish) {
      publish.config.clearToken();
      sendJson(call.res, 200, publish.config.info());
    }
  },
  publishOrganisations: async (ctx, call) => {
    await askPortal(ctx, call, async (client) => {
      const result = await client.call('organization_list_for_user', { permission: 'create_dataset' });
      const parsed = organisationListSchema.shape.organisations.safeParse(
        Array.isArray(result)
          ? result.map((o: unknown) => {
              const org = o as { name?: unknown; title?: unknown; display_name?: unknown };
              return { name: org.name, title: org.title || org.display_name || org.name };
            })
          : null,
      );
      if (!parsed.success) {
        throw new CkanError(
          'The portal answered organization_list_for_user with something that is not a list of organisations.',
          'portal',
          null,
        );
      }
      const body: OrganisationList = { organisations: parsed.data };
      return body;
    });
  },
  publishLicences: async (ctx, call) => {
    await askPortal(ctx, call, async (client): Promise<LicenceList> => ({
      licences: await portalLicences(client),
    }));
  },
  startPublish: async (ctx, call) => {
    const publish = publishing(ctx, call);
    if (!publish) {
      return;
    }
    const eventId = param(call, 'eventId');
    const body = await readJsonBody(call.req, publishRequestSchema);
    try {
      const collected = collectBundle(coreSource(ctx), eventId, {
        profile: publish.config.settings().profile,
        generator: `Mitschrift ${ctx.version}`,
      });
      sendJson(call.res, 202, publish.jobs.start(collected, body.dryRun));
    } catch (error) {
      if (error instanceof BundleRequestError) {
        sendError(call.res, error.status, error.message);
        return;
      }
      throw error;
    }
  },
  publishStatus: (ctx, call) => {
    const publish = publishing(ctx, call);
    const id = param(call, 'publishId');
    if (publish) {
      const status = publish.jobs.status(param(call, 'eventId'), id);
      if (status) {
        sendJson(call.res, 200, status);
      } else {
        unknownPublication(call, id);
      }
    }
  },
  cancelPublish: (ctx, call) => {
    const publish = publishing(ctx, call);
    const id = param(call, 'publishId');
    if (publish) {
      const status = publish.jobs.cancel(param(call, 'eventId'), id);
      if (status) {
        sendJson(call.res, 200, status);
      } else {
        unknownPublication(call, id);
      }
    }
  },
} satisfies Partial<Record<ApiRouteId, RouteHandler>>;
