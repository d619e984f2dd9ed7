/**
 * Users with roles and API tokens. Passwords are stored only as scrypt hashes; a token is shown
 * once at creation and stored only as its sha256.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { BadInputError } from '../errors.js';
import { audit } from './audit.js';
import type { Store } from './db.js';
import { isUuid } from './documents.js';
import { NotFoundError, StateConflictError } from './errors.js';
import { checkPassword, hashPassword } from './password.js';
import { apiTokens, users } from './schema.js';

export type Role = (typeof users.$inferSelect)['role'];
export const ROLES: readonly Role[] = ['uploader', 'reviewer', 'admin'];

export interface User {
  id: string;
  email: string;
  role: Role;
  createdAt: Date;
}

/** Random bytes per API token (256 bits). */
export const TOKEN_BYTES = 32;
/** Prefix that makes a leaked token recognisable to secret scanners. */
export const TOKEN_PREFIX = 'iki_';

/** How stale last_used_at may get before a request updates it. */
export const LAST_USED_RESOLUTION_MS = 60_000;
/** Longer input cannot be one of our tokens; it is refused before hashing. */
const TOKEN_MAX_LENGTH = 128;

/** Checked against on a login with an unknown email, so timing does not reveal which emails exist. */
let dummyHash: Promise<string> | undefined;

const EMAIL = /^[^\s@]+@[^\s@]+$/;

const userColumns = { id: users.id, email: users.email, role: users.role, createdAt: users.createdAt };

export async function createUser(
  store: Store,
  email: string,
  password: string,
  role: Role,
  actor = 'system',
): Promise<User> {
  const normalised = email.trim().toLowerCase();
  if (!EMAIL.test(normalised)) throw new BadInputError('not an email address', { stage: 'store' });
  if (!ROLES.includes(role)) throw new BadInputError(`unknown role ${String(role)}`, { stage: 'store' });
  const passwordHash = await hashPassword(password);
  return store.db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ email: normalised, passwordHash, role })
      .onConflictDoNothing({ target: users.email })
      .returning(userColumns);
    if (!user) throw new StateConflictError(`a user ${normalised} already exists`);
    await audit(tx, actor, 'user.create', user.id, { email: normalised, role });
    return user;
  });
}

/** The user when the password is right, else null (same work whether or not the email exists). */
export async function verifyPassword(store: Store, email: string, password: string): Promise<User | null> {
  const [row] = await store.db
    .select({ ...userColumns, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, email.trim().toLowerCase()));
  if (!row) {
    dummyHash ??= hashPassword('not-a-real-password');
    await checkPassword(password, await dummyHash);
    return null;
  }
  const { passwordHash, ...user } = row;
  return (await checkPassword(password, passwordHash)) ? user : null;
}

export async function getUser(store: Store, id: string): Promise<User | null> {
  const [row] = isUuid(id) ? await store.db.select(userColumns).from(users).where(eq(users.id, id)) : [];
  return row ?? null;
}

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new API token for a user: the plain token is returned here once and never again. */
export async function createApiToken(
  store: Store,
  userId: string,
  name: string | null = null,
): Promise<{ id: string; token: string }> {
  if (!(await getUser(store, userId))) throw new NotFoundError(`no user ${userId}`);
  const token = TOKEN_PREFIX + randomBytes(TOKEN_BYTES).toString('base64url');
  return store.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({ tokenHash: tokenHash(token), userId, name })
      .returning({ id: apiTokens.id });
    if (!row) throw new StateConflictError('token was not stored');
    await audit(tx, userId, 'token.create', row.id, { name });
    return { id: row.id, token };
  });
}

/** The token's user, or null for an unknown or revoked token; records when it was last used. */
export async function authenticateToken(store: Store, token: string): Promise<User | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > TOKEN_MAX_LENGTH) return null;
  const [row] = await store.db
    .select({ ...userColumns, tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, tokenHash(token)), isNull(apiTokens.revokedAt)));
  if (!row) return null;
  const { tokenId, lastUsedAt, ...user } = row;
  // Every API request authenticates: write the time of use only when it is stale.
  if (lastUsedAt === null || Date.now() - lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await store.db
      .update(apiTokens)
      .set({ lastUsedAt: sql`now()` })
      .where(eq(apiTokens.id, tokenId));
  }
  return user;
}

export async function revokeApiToken(store: Store, tokenId: string, actor: string): Promise<void> {
  await store.db.transaction(async (tx) => {
    const [row] = isUuid(tokenId)
      ? await tx
          .update(apiTokens)
          .set({ revokedAt: sql`now()` })
          .where(and(eq(apiTokens.id, tokenId), isNull(apiTokens.revokedAt)))
          .returning({ id: apiTokens.id })
      : [];
    if (!row) throw new NotFoundError(`no active token ${tokenId}`);
    await audit(tx, actor, 'token.revoke', tokenId, null);
  });
}
