/**
 * The source beside the record: the page image of a PDF or scan with the selected row's bbox
 * drawn on it (bbox in PDF points, top-left origin, so it scales with the image as percentages),
 * or the text of a text file with the selected row's line marked. Page images are fetched with
 * the session token, kept for the visit, and the next page is fetched ahead.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { getBlob } from '../api/client';
import type { PageSize, SourceInfo } from '../api/types';
import { t } from '../i18n/i18n';

/** Smallest and largest rendering scales asked of the server (px per PDF point). */
const MIN_SCALE = 1;
const MAX_SCALE = 3;
/** Characters of a row's text used to find its line in a text source. */
const NEEDLE_CHARS = 48;

const images = new Map<string, Promise<string>>();

function pageImage(documentId: string, page: number, scale: number): Promise<string> {
  const key = `${documentId}:${page}:${scale}`;
  let p = images.get(key);
  if (!p) {
    p = getBlob(`/documents/${documentId}/pages/${page}.png?scale=${scale}`).then(({ blob }) =>
      URL.createObjectURL(blob),
    );
    p.catch(() => images.delete(key));
    images.set(key, p);
  }
  return p;
}

export interface Highlight {
  page: number | null;
  bbox: [number, number, number, number] | null;
  /** Texts of the row, best first, to find it in a text source. */
  texts: (string | null)[];
}

export interface SourcePaneProps {
  documentId: string;
  info: SourceInfo | null;
  error: string | null;
  page: number;
  onPage(page: number): void;
  highlight: Highlight | null;
}

export function SourcePane(props: SourcePaneProps) {
  const { info, error } = props;
  if (error) return <div class="source-pane muted">{t('doc.noSource', { reason: error })}</div>;
  if (!info) return <div class="source-pane muted">{t('common.loading')}</div>;
  if (info.kind === 'none')
    return <div class="source-pane muted">{t('doc.noSource', { reason: info.reason })}</div>;
  if (info.kind === 'text')
    return <TextSource text={info.text} truncated={info.truncated} highlight={props.highlight} />;
  return <PageSource {...props} pages={info.pages} />;
}

function PageSource({ documentId, pages, page, onPage, highlight }: SourcePaneProps & { pages: PageSize[] }) {
  const size = pages[page - 1] ?? pages[0];
  const wrap = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState<number | null>(null);
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    // One scale per visit (measured once), so every page comes from the same cache entries.
    if (scale !== null || !wrap.current || !size) return;
    const px = wrap.current.clientWidth * (window.devicePixelRatio || 1);
    setScale(Math.min(MAX_SCALE, Math.max(MIN_SCALE, Math.ceil((px / size.width) * 4) / 4)));
  }, [size, scale]);

  useEffect(() => {
    if (scale === null || !size) return;
    let live = true;
    setFailed(null);
    pageImage(documentId, size.page, scale).then(
      (u) => {
        if (!live) return;
        setUrl(u);
        // Read ahead: the reviewer moves down the document.
        if (size.page < pages.length) void pageImage(documentId, size.page + 1, scale).catch(() => undefined);
      },
      (err: unknown) => live && setFailed(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      live = false;
    };
  }, [documentId, size, scale, pages.length]);

  const box = highlight && highlight.page === size?.page && highlight.bbox ? highlight.bbox : null;
  const boxRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = boxRef.current;
    const box = wrap.current;
    if (el && box) box.scrollTop = Math.max(0, el.offsetTop - box.clientHeight / 3);
  }, [box, url]);
  if (!size) return null;
  return (
    <div class="source-pane">
      <nav class="pager">
        <button
          type="button"
          class="small"
          disabled={page <= 1}
          onClick={() => onPage(page - 1)}
          title={t('doc.prevPage')}
        >
          ‹
        </button>
        <span>{t('doc.page', { page: size.page, pages: pages.length })}</span>
        <button
          type="button"
          class="small"
          disabled={page >= pages.length}
          onClick={() => onPage(page + 1)}
          title={t('doc.nextPage')}
        >
          ›
        </button>
      </nav>
      <div class="page-wrap" ref={wrap}>
        <div class="page" style={{ aspectRatio: `${size.width} / ${size.height}` }}>
          {url && <img src={url} alt={t('doc.page', { page: size.page, pages: pages.length })} />}
          {box && (
            <div
              ref={boxRef}
              class="bbox"
              style={{
                left: `${(box[0] / size.width) * 100}%`,
                top: `${(box[1] / size.height) * 100}%`,
                width: `${((box[2] - box[0]) / size.width) * 100}%`,
                height: `${((box[3] - box[1]) / size.height) * 100}%`,
              }}
            />
          )}
        </div>
        {failed && <p class="error">{t('doc.noSource', { reason: failed })}</p>}
      </div>
    </div>
  );
}

/** Lower case, markup and punctuation dropped, whitespace collapsed: how lines and row texts are compared. */
function normalise(s: string): string {
  return s
    .toLowerCase()
    .replace(/<[^>]{1,12}>|&amp;|\*\*/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function TextSource({
  text,
  truncated,
  highlight,
}: {
  text: string;
  truncated: boolean;
  highlight: Highlight | null;
}) {
  const lines = useMemo(() => text.split('\n'), [text]);
  const normalised = useMemo(() => lines.map(normalise), [lines]);
  const hit = useMemo(() => {
    for (const raw of highlight?.texts ?? []) {
      if (!raw) continue;
      const needle = normalise(raw.replace(/^\s*\d+[.)]\s*/, '')).slice(0, NEEDLE_CHARS);
      if (needle.length < 3) continue;
      const at = normalised.findIndex((l) => l.includes(needle));
      if (at >= 0) return at;
    }
    return -1;
  }, [normalised, highlight]);
  const ref = useRef<HTMLSpanElement>(null);
  const pane = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Scroll the pane only, never the page under it.
    const el = ref.current;
    const box = pane.current;
    if (el && box) box.scrollTop = el.offsetTop - box.clientHeight / 2;
  }, [hit]);
  return (
    <div class="source-pane text" ref={pane}>
      {truncated && <p class="muted">{t('doc.textTruncated')}</p>}
      <pre>
        {lines.map((l, i) =>
          i === hit ? (
            <span key={i} ref={ref} class="hit">
              {l + '\n'}
            </span>
          ) : (
            l + '\n'
          ),
        )}
      </pre>
    </div>
  );
}
