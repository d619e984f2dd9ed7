/**
 * The upload page: drop files or a zip; each file is sent on its own request (two at a time), so
 * its progress is its own and one bad file never holds up the rest. After the upload every
 * document is followed live (queued, processing, done with its counts, failed with its reason)
 * by one small request for the whole batch, and a failed one can be extracted again.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { get, post, qs, uploadFile } from '../api/client';
import type { ArchiveDocument, Page, UploadOutcome } from '../api/types';
import { PATHS } from '../app/router';
import { t } from '../i18n/i18n';

/** Files sent at once: more would only split a slow line further. */
const PARALLEL_UPLOADS = 2;
/** How often the batch's documents are asked for their status (ms). */
const POLL_MS = 1500;

interface Item {
  key: number;
  file: File;
  unitKerja: string;
  phase: 'waiting' | 'sending' | 'sent' | 'error';
  sent: number;
  total: number;
  error: string | null;
  docs: UploadOutcome['documents'];
  rejected: UploadOutcome['rejected'];
}

let nextKey = 1;

export function UploadPage() {
  const [items, setItems] = useState<Item[]>([]);
  const [unitKerja, setUnitKerja] = useState('');
  const [docs, setDocs] = useState<Map<string, ArchiveDocument>>(new Map());
  const [over, setOver] = useState(false);
  const started = useRef(new Map<string, number>());
  const [, tick] = useState(0);
  const itemsRef = useRef(items);
  itemsRef.current = items;
  const docsRef = useRef(docs);
  docsRef.current = docs;
  const [retryError, setRetryError] = useState<string | null>(null);

  const update = (key: number, patch: Partial<Item>) =>
    setItems((list) => list.map((i) => (i.key === key ? { ...i, ...patch } : i)));

  // Send waiting files, PARALLEL_UPLOADS at a time.
  useEffect(() => {
    const sending = items.filter((i) => i.phase === 'sending').length;
    const waiting = items
      .filter((i) => i.phase === 'waiting')
      .slice(0, Math.max(0, PARALLEL_UPLOADS - sending));
    for (const item of waiting) {
      update(item.key, { phase: 'sending', sent: 0, total: item.file.size, error: null });
      const { promise } = uploadFile<UploadOutcome>(item.file, { unitKerja: item.unitKerja }, (sent, total) =>
        update(item.key, { sent, total }),
      );
      promise.then(
        (outcome) => update(item.key, { phase: 'sent', docs: outcome.documents, rejected: outcome.rejected }),
        (err: unknown) => {
          const body = (err as { body?: { details?: { rejected?: UploadOutcome['rejected'] } } }).body;
          const rejected = body?.details?.rejected;
          if (rejected?.length) update(item.key, { phase: 'sent', docs: [], rejected });
          else update(item.key, { phase: 'error', error: err instanceof Error ? err.message : String(err) });
        },
      );
    }
  }, [items]);

  // Follow every document of the batch until it is done or failed.
  useEffect(() => {
    let live = true;
    const poll = async () => {
      const ids = [...new Set(itemsRef.current.flatMap((i) => i.docs.map((d) => d.id)))];
      const pending = ids.filter((id) => {
        const d = docsRef.current.get(id);
        return !d || d.status === 'queued' || d.status === 'processing';
      });
      if (pending.length) {
        try {
          const page = await get<Page<ArchiveDocument>>(
            `/workbench/documents${qs({ ids: pending.join(','), limit: 200 })}`,
          );
          if (!live) return;
          const now = Date.now();
          for (const d of page.items) {
            if (d.status === 'processing' && !started.current.has(d.id)) started.current.set(d.id, now);
          }
          setDocs((prev) => {
            const next = new Map(prev);
            for (const d of page.items) next.set(d.id, d);
            return next;
          });
        } catch {
          // A dropped request on a slow line: the next poll asks again.
        }
      }
      if (live) {
        tick((n) => n + 1);
        timer = setTimeout(poll, POLL_MS);
      }
    };
    let timer = setTimeout(poll, 0);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, []);

  const add = (files: FileList | File[] | null) => {
    if (!files?.length) return;
    const added = [...files].map<Item>((file) => ({
      key: nextKey++,
      file,
      unitKerja: unitKerja.trim(),
      phase: 'waiting',
      sent: 0,
      total: file.size,
      error: null,
      docs: [],
      rejected: [],
    }));
    setItems((list) => [...added, ...list]);
  };

  const retryDocument = async (id: string) => {
    try {
      const d = await post<ArchiveDocument>(`/documents/${id}/reextract`);
      started.current.delete(id);
      setDocs((prev) => new Map(prev).set(id, { ...(prev.get(id) as ArchiveDocument), ...d }));
    } catch (err) {
      setRetryError(t('common.error', { message: err instanceof Error ? err.message : String(err) }));
    }
  };

  const all = items.flatMap((i) => i.docs.map((d) => docs.get(d.id)?.status ?? d.status));
  const count = (s: string) => all.filter((x) => x === s).length;
  return (
    <main class="upload-page" id="content">
      <h1>{t('upload.title')}</h1>
      <label class="unit-input">
        {t('upload.unitKerja')}
        <input
          type="text"
          value={unitKerja}
          onInput={(e) => setUnitKerja((e.target as HTMLInputElement).value)}
        />
      </label>
      <div
        class={`dropzone${over ? ' over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          add(e.dataTransfer?.files ?? null);
        }}
      >
        <p>{t('upload.drop')}</p>
        <label class="button primary">
          {t('upload.choose')}
          <input
            type="file"
            multiple
            accept=".pdf,.txt,.md,.docx,.png,.jpg,.jpeg,.tif,.tiff,.zip"
            onChange={(e) => {
              const input = e.target as HTMLInputElement;
              add(input.files);
              input.value = '';
            }}
          />
        </label>
      </div>
      {retryError && (
        <p class="error" role="alert">
          {retryError}
        </p>
      )}
      {items.length === 0 ? (
        <p class="muted">{t('upload.empty')}</p>
      ) : (
        <p class="muted" aria-live="polite">
          {t('upload.summary', {
            done: count('done'),
            failed:
              count('failed') +
              items.reduce((n, i) => n + i.rejected.length + (i.phase === 'error' ? 1 : 0), 0),
            pending:
              count('queued') +
              count('processing') +
              items.filter((i) => i.phase === 'waiting' || i.phase === 'sending').length,
          })}
        </p>
      )}
      <ul class="uploads">
        {items.map((item) => (
          <li key={item.key} class={`upload ph-${item.phase}`}>
            <div class="file">
              <strong>{item.file.name}</strong>
              {item.phase === 'waiting' && <span class="muted">{t('upload.waiting')}</span>}
              {item.phase === 'sending' && (
                <span>
                  <progress max={item.total || 1} value={item.sent} />{' '}
                  {t('upload.sending', { percent: Math.floor((100 * item.sent) / (item.total || 1)) })}
                </span>
              )}
              {item.phase === 'error' && (
                <span class="error">
                  {t('upload.failed', { reason: item.error ?? '' })}{' '}
                  <button type="button" class="small" onClick={() => update(item.key, { phase: 'waiting' })}>
                    {t('common.retry')}
                  </button>
                </span>
              )}
            </div>
            {(item.docs.length > 0 || item.rejected.length > 0) && (
              <ul class="docs">
                {item.docs.map((d) => (
                  <DocLine
                    key={d.id}
                    name={d.fileName}
                    archive={d.archive}
                    duplicate={!d.created}
                    doc={docs.get(d.id) ?? null}
                    initial={d.status}
                    startedAt={started.current.get(d.id) ?? null}
                    onRetry={() => void retryDocument(d.id)}
                    id={d.id}
                  />
                ))}
                {item.rejected.map((r, i) => (
                  <li key={`r${i}`} class="doc st-failed">
                    <span class="name">{r.fileName}</span>
                    <span class="error">{t('upload.rejected', { reason: r.reason })}</span>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </main>
  );
}

interface DocLineProps {
  id: string;
  name: string;
  archive: string | null;
  duplicate: boolean;
  doc: ArchiveDocument | null;
  initial: ArchiveDocument['status'];
  startedAt: number | null;
  onRetry(): void;
}

function DocLine({ id, name, archive, duplicate, doc, initial, startedAt, onRetry }: DocLineProps) {
  const status = doc?.status ?? initial;
  const p = doc?.progress;
  let text: string;
  if (status === 'queued' || status === 'processing') {
    if (p?.stage === 'ocr' && p.page && p.pages) text = t('upload.ocrPage', { page: p.page, pages: p.pages });
    else if (p?.stage === 'parse') text = t('upload.parsing');
    else if (p?.stage === 'store') text = t('upload.storing');
    else if (status === 'queued') text = t('upload.queued');
    else if (startedAt)
      text = t('upload.processingFor', { seconds: Math.round((Date.now() - startedAt) / 1000) });
    else text = t('upload.processing');
  } else if (status === 'done') {
    text = t('upload.done', { forms: doc?.forms ?? 0, rows: doc?.rows ?? 0, flags: doc?.openFlags ?? 0 });
  } else {
    text = t('upload.failed', { reason: doc?.error?.reason ?? '' });
  }
  return (
    <li class={`doc st-${status}`} data-doc-id={id} data-stage={p?.stage}>
      <span class="name">
        {name}
        {archive && <span class="muted"> {t('upload.fromArchive', { archive })}</span>}
        {duplicate && <span class="muted"> · {t('upload.duplicate')}</span>}
      </span>
      <span class={`status st-${status}`}>{text}</span>
      {status === 'done' && (
        <a href={PATHS.document + id} class="button small">
          {t('common.open')}
        </a>
      )}
      {status === 'failed' && (
        <button type="button" class="small" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </li>
  );
}
