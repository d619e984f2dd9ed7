/**
 * The OpenAPI 3.1 description, generated from the route declarations and their zod schemas
 * (zod's own JSON Schema output, draft 2020-12, which OpenAPI 3.1 uses as is).
 */
import { z } from 'zod';
import type { AnyRoute } from './route.js';
import { ErrorBody } from './schemas.js';

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

/** Query or path parameters from an object schema. */
function parameters(schema: z.ZodType | undefined, where: 'query' | 'path'): JsonSchema[] {
  if (!schema) return [];
  const s = jsonSchema(schema, 'input');
  const props = (s.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((s.required ?? []) as string[]);
  return Object.entries(props).map(([name, prop]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    schema: prop,
  }));
}

const errorRef = { $ref: '#/components/schemas/Error' };

function errorResponse(description: string): JsonSchema {
  return { description, content: { 'application/json': { schema: errorRef } } };
}

export function buildOpenApi(routes: readonly AnyRoute[], prefix: string, version: string): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const r of routes) {
    const path = prefix + r.url.replace(/:([A-Za-z_]\w*)/g, '{$1}');
    const responses: Record<string, JsonSchema> = {};
    for (const res of r.responses) {
      const content: Record<string, JsonSchema> = {};
      if (res.schema) content['application/json'] = { schema: jsonSchema(res.schema, 'output') };
      for (const type of res.contentTypes ?? []) content[type] = { schema: { type: 'string' } };
      responses[String(res.status)] =
        Object.keys(content).length > 0
          ? { description: res.description, content }
          : res.status >= 400
            ? errorResponse(res.description)
            : { description: res.description };
    }
    if (r.params || r.query || r.body || r.multipart)
      responses['400'] ??= errorResponse('Bad request: `field` and `reason` say what');
    if (r.access !== 'public') {
      responses['401'] ??= errorResponse('No or unknown token');
      responses['403'] ??= errorResponse(`Allowed for: ${r.access.join(', ')}`);
    }
    if (r.params) responses['404'] ??= errorResponse('Not found');
    const operation: JsonSchema = {
      operationId: r.operationId,
      summary: r.summary,
      tags: [r.tag],
      security: r.access === 'public' ? [] : [{ bearerAuth: [] }],
      parameters: [...parameters(r.params, 'path'), ...parameters(r.query, 'query')],
      responses,
    };
    if (r.access !== 'public') operation.description = `Roles: ${r.access.join(', ')}.`;
    if (r.body) {
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: jsonSchema(r.body, 'input') } },
      };
    } else if (r.multipart) {
      const properties: Record<string, JsonSchema> = {};
      for (const [name, f] of Object.entries(r.multipart.fields)) {
        const one = f.binary ? { type: 'string', format: 'binary' } : { type: 'string' };
        properties[name] = f.array
          ? { type: 'array', items: one, description: f.description }
          : { ...one, description: f.description };
      }
      operation.requestBody = {
        required: true,
        description: r.multipart.description,
        content: { 'multipart/form-data': { schema: { type: 'object', properties } } },
      };
    }
    (paths[path] ??= {})[r.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'iki API',
      version,
      description:
        'Upload IKI/IKU documents, follow their extraction, review and correct the results, export them. ' +
        'Every error is `{ error, message, field?, reason? }`.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'An API token from POST /auth/login' },
      },
      schemas: { Error: jsonSchema(ErrorBody, 'output') },
    },
  };
}
