/**
 * The HTTP API (Fastify 5) under /api/v1. Every route is declared once (src/api/routes/*): zod
 * validates its params, query and body (400 naming the field and reason), a bearer token and a
 * role guard it (nothing but /health is readable without a token), and the same declarations
 * produce /openapi.json. JSON everywhere; one error shape; CORS off unless origins are given.
 */
import fastifyMultipart from '@fastify/multipart';
import Fastify, { type FastifyInstance, type FastifyServerOptions, type onRequestHookHandler } from 'fastify';
import type { z } from 'zod';
import { EXTRACTOR_VERSION } from '../pipeline/extract.js';
import { type Store, type User, authenticateToken } from '../store/repository.js';
import { ApiError, type ErrorLocation, errorResponse, fromZodError } from './errors.js';
import { type ApiLimits, type LimitsOverride, resolveLimits } from './limits.js';
import { type ApiMetrics, createApiMetrics } from './metrics.js';
import { buildOpenApi } from './openapi.js';
import type { Access, AnyRoute, ApiContext } from './route.js';
import { authRoutes } from './routes/auth.js';
import { documentRoutes } from './routes/documents.js';
import { exportRoutes } from './routes/export.js';
import { reviewRoutes } from './routes/review.js';
import { documentCounts, systemRoutes } from './routes/system.js';
import { type Submitter, createSubmitter } from './submit.js';
import { MAX_FORM_FIELD_BYTES, MAX_FORM_FIELDS } from './upload.js';
import { registerWorkbench } from './static.js';

export const API_PREFIX = '/api/v1';

/** How long a browser may cache a CORS preflight answer, in seconds. */
const CORS_MAX_AGE_SECONDS = 600;

export interface CorsOptions {
  /** Origins allowed to call the API from a browser (`https://review.example.go.id`), or '*'. */
  origins: readonly string[] | '*';
}

export interface ServerOptions {
  store: Store;
  /** Root of the blob folder (defaults to IKI_DATA_DIR or .data). */
  dataDir?: string;
  limits?: LimitsOverride;
  /**
   * Processes uploads; defaults to the runner the CLI uses (src/api/submit.ts): the in-process
   * pool, or the Redis queue when REDIS_URL is set with PostgreSQL. Closed with the server.
   */
  submitter?: Submitter;
  /** Off unless given. */
  cors?: CorsOptions;
  /** Fastify's logger option (pino); off by default. */
  logger?: FastifyServerOptions['logger'];
  /** Trust X-Forwarded-* from a reverse proxy. */
  trustProxy?: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the auth hook on every non-public route. */
    user: User | null;
  }
  interface FastifyInstance {
    iki: { submitter: Submitter; metrics: ApiMetrics; limits: ApiLimits; routes: readonly AnyRoute[] };
  }
}

export function buildServer(opts: ServerOptions): FastifyInstance {
  const limits = resolveLimits(opts.limits);
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: limits.bodyBytes,
    trustProxy: opts.trustProxy ?? false,
    // Ids are uuids: a long URL is an attack or a mistake.
    routerOptions: { maxParamLength: 200 },
  });
  const metrics = createApiMetrics(() => documentCounts({ store: opts.store }));
  const ownSubmitter = opts.submitter === undefined;
  const submitter =
    opts.submitter ??
    createSubmitter({
      store: opts.store,
      ...(opts.dataDir !== undefined ? { dataDir: opts.dataDir } : {}),
      onExtracted: (e) => {
        metrics.extractions.inc({ outcome: e.outcome });
        metrics.extractionDuration.observe({}, e.seconds);
      },
      onError: (err) => app.log.error({ err }, 'extraction bookkeeping failed'),
      onNote: (line) => app.log.warn(line),
    });
  const ctx: ApiContext = { store: opts.store, submitter, limits, metrics, version: EXTRACTOR_VERSION };

  app.decorateRequest('user', null);
  app.register(fastifyMultipart, {
    throwFileSizeLimit: false,
    limits: {
      fileSize: limits.upload.maxFileBytes,
      files: limits.upload.maxFiles,
      fields: MAX_FORM_FIELDS,
      fieldSize: MAX_FORM_FIELD_BYTES,
      parts: limits.upload.maxFiles + MAX_FORM_FIELDS,
    },
  });

  app.setValidatorCompiler(({ schema, httpPart }) => {
    const where: ErrorLocation =
      httpPart === 'querystring' ? 'query' : ((httpPart ?? 'body') as ErrorLocation);
    const zod = schema as unknown as z.ZodType;
    return (data: unknown) => {
      // An absent body or query is an empty object, so the answer names the missing field.
      const parsed = zod.safeParse(data ?? {});
      return parsed.success ? { value: parsed.data } : { error: fromZodError(parsed.error, where) };
    };
  });

  app.setErrorHandler((err, request, reply) => {
    const { status, body, internal } = errorResponse(err);
    if (internal) request.log.error({ err }, 'request failed');
    if (status === 401) reply.header('www-authenticate', 'Bearer');
    return reply.code(status).send(body);
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .send({ error: 'not_found', message: `no route ${request.method} ${request.url.split('?')[0]}` }),
  );

  if (opts.cors) app.addHook('onRequest', corsHook(opts.cors));
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpRequests.inc({ method: request.method, route, status: reply.statusCode });
    metrics.httpDuration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });
  // Running extractions finish (within the runner's grace); queued ones stay queued for the next start.
  if (ownSubmitter) app.addHook('onClose', async () => submitter.close());

  const routes: AnyRoute[] = [];
  let openApi: unknown;
  routes.push(
    ...authRoutes(ctx),
    ...documentRoutes(ctx),
    ...reviewRoutes(ctx),
    ...exportRoutes(ctx),
    ...systemRoutes(ctx, () => (openApi ??= buildOpenApi(routes, API_PREFIX, ctx.version))),
  );
  for (const r of routes) {
    app.route({
      method: r.method,
      url: API_PREFIX + r.url,
      schema: {
        ...(r.params ? { params: r.params } : {}),
        ...(r.query ? { querystring: r.query } : {}),
        ...(r.body ? { body: r.body } : {}),
      },
      onRequest: authHook(r.access, opts.store),
      handler: (request, reply) =>
        r.handler({
          params: request.params,
          query: request.query,
          body: request.body,
          get user(): User {
            if (!request.user) throw new ApiError(401, { message: 'not authenticated' });
            return request.user;
          },
          request,
          reply,
        }),
    });
  }
  // The reviewer's workbench: the built web app and its source-page routes (src/api/static.ts).
  registerWorkbench(app, {
    store: opts.store,
    progress: (docs) => submitter.progress(docs),
    ...(opts.dataDir !== undefined ? { dataDir: opts.dataDir } : {}),
  });
  app.decorate('iki', { submitter, metrics, limits, routes });
  return app;
}

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

function authHook(access: Access, store: Store): onRequestHookHandler {
  return async (request) => {
    if (access === 'public') return;
    const header = request.headers.authorization;
    const token = header === undefined ? undefined : BEARER.exec(header)?.[1];
    if (!token) throw new ApiError(401, { message: 'an API token is needed: Authorization: Bearer <token>' });
    const user = await authenticateToken(store, token);
    if (!user) throw new ApiError(401, { message: 'unknown or revoked token' });
    if (!access.includes(user.role)) {
      throw new ApiError(403, {
        message: `this needs the role ${access.join(' or ')}; the token's user is ${user.role}`,
      });
    }
    request.user = user;
  };
}

function corsHook(cors: CorsOptions): onRequestHookHandler {
  const allowed = (origin: string) => cors.origins === '*' || cors.origins.includes(origin);
  return async (request, reply) => {
    const origin = request.headers.origin;
    if (!origin || !allowed(origin)) return;
    reply
      .header('access-control-allow-origin', cors.origins === '*' ? '*' : origin)
      .header('vary', 'Origin')
      .header('access-control-expose-headers', 'content-disposition, x-iki-documents');
    if (request.method === 'OPTIONS' && request.headers['access-control-request-method']) {
      await reply
        .header('access-control-allow-methods', 'GET, POST, PATCH, DELETE')
        .header('access-control-allow-headers', 'authorization, content-type')
        .header('access-control-max-age', String(CORS_MAX_AGE_SECONDS))
        .code(204)
        .send();
    }
  };
}
