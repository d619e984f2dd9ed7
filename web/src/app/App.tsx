/**
 * The frame of the workbench: the top bar (archive, upload, language, sign-out) and the page of
 * the current route. Without a session every route shows the sign-in page.
 */
import { useEffect, useState } from 'preact/hooks';
import { ArchivePage } from '../archive/ArchivePage';
import { LoginPage } from '../auth/LoginPage';
import { type Session, canUpload, getSession, onSessionChange, setSession } from '../auth/session';
import { DocumentPage } from '../document/DocumentPage';
import { getLang, onLangChange, setLang, t } from '../i18n/i18n';
import { UploadPage } from '../upload/UploadPage';
import { PATHS, navigate, onLinkClick, useRoute } from './router';

export function App() {
  const route = useRoute();
  const [session, setSessionState] = useState<Session | null>(getSession());
  const [lang, setLangState] = useState(getLang());
  useEffect(() => onSessionChange(() => setSessionState(getSession())), []);
  useEffect(() => onLangChange(() => setLangState(getLang())), []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  if (!session) {
    return (
      <div class="app" onClick={onLinkClick}>
        <LoginPage
          onSignedIn={() => {
            if (route.name === 'login') navigate(PATHS.archive, { replace: true });
          }}
        />
      </div>
    );
  }

  let page;
  switch (route.name) {
    case 'login':
    case 'archive':
      page = <ArchivePage query={route.name === 'archive' ? route.query : new URLSearchParams()} />;
      break;
    case 'upload':
      page = canUpload(session) ? <UploadPage /> : <p class="muted">{t('upload.noRole')}</p>;
      break;
    case 'document':
      page = <DocumentPage key={route.id} id={route.id} initialRow={route.row} session={session} />;
      break;
    default:
      page = <p class="muted">{t('common.notFound')}</p>;
  }
  return (
    // The language is part of the key: switching it renders every text again.
    <div class="app" key={lang} onClick={onLinkClick}>
      <a class="skip" href="#content">
        {t('nav.skip')}
      </a>
      <header class="topbar">
        <a href={PATHS.archive} class="brand">
          {t('appName')}
        </a>
        <nav>
          <a href={PATHS.archive} class={route.name === 'archive' ? 'active' : ''}>
            {t('nav.archive')}
          </a>
          {canUpload(session) && (
            <a href={PATHS.upload} class={route.name === 'upload' ? 'active' : ''}>
              {t('nav.upload')}
            </a>
          )}
        </nav>
        <span class="spacer" />
        <button type="button" class="link" onClick={() => setLang(lang === 'id' ? 'en' : 'id')}>
          {t('nav.language')}
        </button>
        <span class="user">
          {session.user.email} · {session.user.role}
        </span>
        <button
          type="button"
          class="small"
          onClick={() => {
            setSession(null);
            navigate(PATHS.login);
          }}
        >
          {t('nav.signOut')}
        </button>
      </header>
      {page}
    </div>
  );
}
