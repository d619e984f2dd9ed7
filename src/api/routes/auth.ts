/** Logging in (email + password → API token), the caller's identity, and user administration. */
import { z } from 'zod';
import { createApiToken, createUser, getUser, verifyPassword } from '../../store/repository.js';
import { ApiError } from '../errors.js';
import { ADMINS, type AnyRoute, type ApiContext, READERS, defineRoute } from '../route.js';
import { CreateUserBody, IdParams, LoginBody, LoginResponse, TokenBody, UserView } from '../schemas.js';
import { LoginThrottle } from '../throttle.js';
import { userView } from '../views.js';

export function authRoutes({ store }: ApiContext): AnyRoute[] {
  const throttle = new LoginThrottle();
  return [
    defineRoute({
      method: 'POST',
      url: '/auth/login',
      operationId: 'login',
      summary:
        'Exchange email and password for an API token (shown once; send it as `Authorization: Bearer …`).',
      tag: 'auth',
      access: 'public',
      body: LoginBody,
      responses: [
        { status: 200, description: 'A new token for the user', schema: LoginResponse },
        { status: 401, description: 'Wrong email or password' },
        { status: 429, description: 'Too many failed logins from this client; retry later' },
      ],
      async handler({ body, request, reply }) {
        const keys = [`ip:${request.ip}`, `ip+email:${request.ip}|${body.email.toLowerCase()}`];
        const wait = throttle.blocked(keys);
        if (wait !== null) {
          reply.header('retry-after', String(wait));
          throw new ApiError(429, { message: `too many failed logins; retry in ${wait} s` });
        }
        const checked = await throttle.limit(() => verifyPassword(store, body.email, body.password));
        if (!checked) {
          reply.header('retry-after', '1');
          throw new ApiError(429, { message: 'too many logins at once; retry in a moment' });
        }
        const user = checked.value;
        if (!user) {
          throttle.fail(keys);
          throw new ApiError(401, { message: 'wrong email or password' });
        }
        throttle.succeed(keys.slice(1));
        const { id, token } = await createApiToken(store, user.id, 'login');
        return { token, tokenId: id, user: userView(user) };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/auth/me',
      operationId: 'me',
      summary: 'The user the token belongs to.',
      tag: 'auth',
      access: READERS,
      responses: [{ status: 200, description: 'The caller', schema: UserView }],
      async handler({ user }) {
        return userView(user);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/users',
      operationId: 'createUser',
      summary: 'Create a user (admin).',
      tag: 'users',
      access: ADMINS,
      body: CreateUserBody,
      responses: [
        { status: 201, description: 'The new user', schema: UserView },
        { status: 409, description: 'A user with that email exists' },
      ],
      async handler({ body, user, reply }) {
        const created = await createUser(store, body.email, body.password, body.role, user.id);
        reply.code(201);
        return userView(created);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/users/:id/tokens',
      operationId: 'createToken',
      summary: 'Create a named API token for a user, e.g. for a script or a scanner station (admin).',
      tag: 'users',
      access: ADMINS,
      params: IdParams,
      body: TokenBody,
      responses: [
        {
          status: 201,
          description: 'The token (shown once)',
          schema: z.object({ token: z.string(), tokenId: z.uuid(), user: UserView }),
        },
      ],
      async handler({ params, body, reply }) {
        const owner = await getUser(store, params.id);
        if (!owner) throw new ApiError(404, { message: `no user ${params.id}` });
        const { id, token } = await createApiToken(store, owner.id, body.name ?? null);
        reply.code(201);
        return { token, tokenId: id, user: userView(owner) };
      },
    }),
  ];
}
