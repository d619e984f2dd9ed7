/** GET /export: the latest (corrected) results as CSV, XLSX or JSON. */
import { collectResults, EXPORT_MEDIA_TYPES, exportRows } from '../../export/index.js';
import { type AnyRoute, type ApiContext, READERS, defineRoute } from '../route.js';
import { ExportQuery } from '../schemas.js';

/** Characters kept from a unit kerja in the download's file name. */
const FILE_NAME_SLUG = /[^A-Za-z0-9]+/g;

export function exportRoutes({ store }: ApiContext): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/export',
      operationId: 'export',
      summary:
        'Export one document (documentId), one unit kerja (unitKerja) or the whole archive. CSV: one row per ' +
        'indikator; XLSX: sheets Indikator, Flags, Penandatangan; JSON: an array of contract files.',
      tag: 'export',
      access: READERS,
      query: ExportQuery,
      responses: [
        {
          status: 200,
          description: 'The export as an attachment',
          contentTypes: Object.values(EXPORT_MEDIA_TYPES),
        },
      ],
      async handler({ query, reply }) {
        const results = await collectResults(store, query);
        const body = await exportRows(results, query.format);
        const scope = query.documentId
          ? query.documentId.slice(0, 8)
          : query.unitKerja
            ? query.unitKerja.replace(FILE_NAME_SLUG, '-').replace(/^-|-$/g, '').toLowerCase() || 'unit'
            : 'all';
        reply
          .header('content-type', EXPORT_MEDIA_TYPES[query.format])
          .header('content-disposition', `attachment; filename="iki-${scope}.${query.format}"`)
          .header('x-iki-documents', String(results.length));
        return body;
      },
    }),
  ];
}
