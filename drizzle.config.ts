import { defineConfig } from 'drizzle-kit';

/** `npx drizzle-kit generate` writes SQL migrations for src/store/schema.ts into drizzle/. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/store/schema.ts',
  out: './drizzle',
});
