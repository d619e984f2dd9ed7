/**
 * First start: with no admin user, one is created, from IKI_ADMIN_EMAIL / IKI_ADMIN_PASSWORD when
 * both are set, else with a generated password printed once (to stderr) for the operator.
 */
import { randomBytes } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { type Store, createUser } from '../store/repository.js';
import { users } from '../store/schema.js';

/** Email of the generated admin when IKI_ADMIN_EMAIL is not set. */
export const DEFAULT_ADMIN_EMAIL = 'admin@iki.local';
/** Random bytes of a generated password (24 characters of base64url). */
const GENERATED_PASSWORD_BYTES = 18;

export interface BootstrapResult {
  email: string;
  /** Set only when the password was generated here. */
  generatedPassword: string | null;
}

/** Creates the first admin when there is none; null when an admin exists already. */
export async function ensureAdmin(
  store: Store,
  env: Record<string, string | undefined> = process.env,
): Promise<BootstrapResult | null> {
  // The repository has no "count users by role"; this is the one query of the API outside it.
  const [row] = await store.db.select({ n: count() }).from(users).where(eq(users.role, 'admin'));
  if (Number(row?.n ?? 0) > 0) return null;
  const email = env.IKI_ADMIN_EMAIL?.trim() || DEFAULT_ADMIN_EMAIL;
  const given = env.IKI_ADMIN_PASSWORD;
  const password = given || randomBytes(GENERATED_PASSWORD_BYTES).toString('base64url');
  await createUser(store, email, password, 'admin', 'bootstrap');
  return { email, generatedPassword: given ? null : password };
}
