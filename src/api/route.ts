/**
 * One declaration per route: method, path, who may call it, zod schemas of its parts, and the
 * handler. The server registers it with Fastify (zod validates every part) and the OpenAPI
 * description is generated from the same declarations, so the two cannot drift.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Role, Store, User } from '../store/repository.js';
import type { ApiLimits } from './limits.js';
import type { ApiMetrics } from './metrics.js';
import type { Submitter } from './submit.js';

/** Everything a handler may use; one per server. */
export interface ApiContext {
  store: Store;
  submitter: Submitter;
  limits: ApiLimits;
  metrics: ApiMetrics;
  /** Program version reported by /health. */
  version: string;
}

/** `public` routes need no token; otherwise the roles that may call the route. */
export type Access = 'public' | readonly Role[];

export interface RouteResponse {
  status: number;
  description: string;
  schema?: z.ZodType;
  /** Content types other than application/json (exports, metrics). */
  contentTypes?: string[];
}

export interface HandlerArgs<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  /** The caller (reading it on a public route throws). */
  user: User;
  request: FastifyRequest;
  reply: FastifyReply;
}

export interface RouteSpec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Relative to the API prefix, Fastify style: `/documents/:id`. */
  url: string;
  operationId: string;
  summary: string;
  tag: string;
  access: Access;
  params?: P;
  query?: Q;
  body?: B;
  /** A multipart/form-data body, read by the handler itself (described here for OpenAPI). */
  multipart?: {
    description: string;
    fields: Record<string, { description: string; binary?: boolean; array?: boolean }>;
  };
  responses: RouteResponse[];
  handler(args: HandlerArgs<z.output<P>, z.output<Q>, z.output<B>>): Promise<unknown>;
}

/** A declared route with its types erased, for lists of routes. */
export interface AnyRoute extends Omit<RouteSpec<z.ZodType, z.ZodType, z.ZodType>, 'handler'> {
  handler(args: HandlerArgs<unknown, unknown, unknown>): Promise<unknown>;
}

/** Declares a route; the handler's params, query and body are typed from the schemas. */
export function defineRoute<
  P extends z.ZodType = z.ZodUnknown,
  Q extends z.ZodType = z.ZodUnknown,
  B extends z.ZodType = z.ZodUnknown,
>(spec: RouteSpec<P, Q, B>): AnyRoute {
  return spec as unknown as AnyRoute;
}

/** Roles by what they may do. */
export const READERS: readonly Role[] = ['uploader', 'reviewer', 'admin'];
export const UPLOADERS: readonly Role[] = ['uploader', 'admin'];
export const REVIEWERS: readonly Role[] = ['reviewer', 'admin'];
export const ADMINS: readonly Role[] = ['admin'];
