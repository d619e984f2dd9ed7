/** Health (the only route readable without a token), Prometheus metrics and the OpenAPI description. */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { listDocuments } from '../../store/repository.js';
import { PROMETHEUS_CONTENT_TYPE } from '../metrics.js';
import { type AnyRoute, type ApiContext, READERS, defineRoute } from '../route.js';
import { HealthResponse } from '../schemas.js';

export function systemRoutes(ctx: ApiContext, openApi: () => unknown): AnyRoute[] {
  const { store, metrics } = ctx;
  return [
    defineRoute({
      method: 'GET',
      url: '/health',
      operationId: 'health',
      summary: 'Liveness and database reachability (no token needed).',
      tag: 'system',
      access: 'public',
      responses: [
        { status: 200, description: 'Up', schema: HealthResponse },
        { status: 503, description: 'The database does not answer', schema: HealthResponse },
      ],
      async handler({ reply }) {
        let database: 'ok' | 'unreachable' = 'ok';
        try {
          await store.db.execute(sql`select 1`);
        } catch {
          database = 'unreachable';
        }
        reply.code(database === 'ok' ? 200 : 503);
        return { status: database === 'ok' ? 'ok' : 'degraded', database, version: ctx.version };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/metrics',
      operationId: 'metrics',
      summary: 'Prometheus metrics (text exposition format 0.0.4).',
      tag: 'system',
      access: READERS,
      responses: [{ status: 200, description: 'Metrics', contentTypes: [PROMETHEUS_CONTENT_TYPE] }],
      async handler({ reply }) {
        reply.header('content-type', PROMETHEUS_CONTENT_TYPE);
        return metrics.registry.render();
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/openapi.json',
      operationId: 'openapi',
      summary: 'This description (OpenAPI 3.1).',
      tag: 'system',
      access: READERS,
      responses: [
        { status: 200, description: 'The OpenAPI document', schema: z.record(z.string(), z.unknown()) },
      ],
      async handler() {
        return openApi();
      },
    }),
  ];
}

/** Documents per status, for the iki_documents gauge (four indexed counts). */
export async function documentCounts(ctx: Pick<ApiContext, 'store'>): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const status of ['queued', 'processing', 'done', 'failed'] as const) {
    out[status] = (await listDocuments(ctx.store, { status, limit: 1 })).total;
  }
  return out;
}
