/** Sign-in with the API's users: email and password for a token (POST /auth/login). */
import { useState } from 'preact/hooks';
import { post } from '../api/client';
import type { User } from '../api/types';
import { t } from '../i18n/i18n';
import { setSession } from './session';

export function LoginPage({ onSignedIn }: { onSignedIn(): void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await post<{ token: string; user: User }>('/auth/login', { email, password });
      setSession({ token: res.token, user: res.user });
      onSignedIn();
    } catch (err) {
      setError(t('login.failed', { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main class="login" id="content">
      <form class="card" onSubmit={submit}>
        <h1>{t('appName')}</h1>
        <h2>{t('login.title')}</h2>
        <label>
          {t('login.email')}
          <input
            name="email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onInput={(e) => setEmail((e.target as HTMLInputElement).value)}
          />
        </label>
        <label>
          {t('login.password')}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onInput={(e) => setPassword((e.target as HTMLInputElement).value)}
          />
        </label>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="primary" disabled={busy}>
          {t('login.submit')}
        </button>
      </form>
    </main>
  );
}
