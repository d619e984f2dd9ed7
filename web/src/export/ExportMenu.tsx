/**
 * Export of reviewed data in the three formats of the API (CSV, XLSX, JSON in the output
 * contract), for one document, one unit kerja, or the whole archive. The file is fetched with the
 * session token and saved under the server's file name.
 */
import { useState } from 'preact/hooks';
import { getBlob, qs, saveBlob } from '../api/client';
import { t } from '../i18n/i18n';

const FORMATS = ['csv', 'xlsx', 'json'] as const;

export interface ExportScope {
  documentId?: string;
  unitKerja?: string;
}

export function ExportMenu({ scope, label }: { scope: ExportScope; label?: string }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (format: (typeof FORMATS)[number]) => {
    setBusy(format);
    setError(null);
    try {
      const { blob, fileName } = await getBlob(`/export${qs({ format, ...scope })}`);
      saveBlob(blob, fileName ?? `iki.${format}`);
    } catch (err) {
      setError(t('export.failed', { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(null);
    }
  };
  return (
    <span class="export" role="group" aria-label={label ?? t('export.label')}>
      <span class="export-label">{label ?? t('export.label')}</span>
      {FORMATS.map((f) => (
        <button key={f} type="button" class="small" disabled={busy !== null} onClick={() => void run(f)}>
          {busy === f ? '…' : f.toUpperCase()}
        </button>
      ))}
      {error && <span class="error">{error}</span>}
    </span>
  );
}
