/** Uploading documents, listing them, their status and their (corrected) result. */
import { getDocument, listDocuments, listRuns } from '../../store/repository.js';
import { pageOf } from '../../store/search.js';
import { ApiError } from '../errors.js';
import { keyedResult } from '../result.js';
import { type AnyRoute, type ApiContext, READERS, UPLOADERS, defineRoute } from '../route.js';
import {
  DocumentDetail,
  DocumentQuery,
  DocumentView,
  IdParams,
  KeyedResult,
  UploadResponse,
  pageOf as pageSchema,
} from '../schemas.js';
import { receiveUpload } from '../upload.js';
import { documentView, runView } from '../views.js';

export function documentRoutes(ctx: ApiContext): AnyRoute[] {
  const { store, submitter } = ctx;
  return [
    defineRoute({
      method: 'POST',
      url: '/documents',
      operationId: 'uploadDocuments',
      summary:
        'Upload documents (PDF, DOCX, text, or a zip of them). Same bytes as before → the existing document. ' +
        'Answers 202 when at least one file was accepted; refused files are listed with the reason.',
      tag: 'documents',
      access: UPLOADERS,
      multipart: {
        description:
          'One or more file parts; an optional `unitKerja` field before the files applies to them.',
        fields: {
          files: { description: 'Documents or zip archives', binary: true, array: true },
          unitKerja: { description: 'The office the documents belong to, when known' },
        },
      },
      responses: [
        { status: 202, description: 'Accepted files (and any refused ones)', schema: UploadResponse },
        { status: 413, description: 'Every file was refused for its size, page count or zip limits' },
        { status: 415, description: 'Not multipart/form-data' },
      ],
      async handler({ request, reply, user }) {
        const outcome = await receiveUpload(request, user, {
          submitter,
          limits: ctx.limits.upload,
          metrics: ctx.metrics,
        });
        const first = outcome.rejected[0];
        if (outcome.documents.length === 0) {
          if (!first) {
            throw new ApiError(400, {
              message: 'files: no file in the request',
              field: 'files',
              in: 'files',
              reason: 'no file in the request',
            });
          }
          throw new ApiError(first.status, {
            message: `${first.fileName}: ${first.reason}`,
            field: first.field,
            in: 'files',
            reason: first.reason,
            details: { ...outcome },
          });
        }
        reply.code(202);
        return outcome;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/documents',
      operationId: 'listDocuments',
      summary:
        'Documents, newest first. Filters: status; unitKerja, jabatan, flagCode and q (full text over ' +
        'jabatan, sasaran, indikator, formulasi) look at the latest result.',
      tag: 'documents',
      access: READERS,
      query: DocumentQuery,
      responses: [{ status: 200, description: 'One page of documents', schema: pageSchema(DocumentView) }],
      async handler({ query }) {
        const page = await listDocuments(store, query);
        const progress = await submitter.progress(page.items);
        return {
          items: page.items.map((d) => documentView(d, progress.get(d.id))),
          total: page.total,
          ...pageOf(query),
        };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/documents/:id',
      operationId: 'getDocument',
      summary:
        'A document: status, progress (stage; during OCR page k of n), error (reason, stage, page) and ' +
        'its extraction runs.',
      tag: 'documents',
      access: READERS,
      params: IdParams,
      responses: [{ status: 200, description: 'The document', schema: DocumentDetail }],
      async handler({ params }) {
        const doc = await getDocument(store, params.id);
        if (!doc) throw new ApiError(404, { message: `no document ${params.id}` });
        const progress = (await submitter.progress([doc])).get(doc.id);
        return { ...documentView(doc, progress), runs: (await listRuns(store, doc.id)).map(runView) };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/documents/:id/result',
      operationId: 'getResult',
      summary:
        'The latest result in the output contract, with corrections applied; each section carries ' +
        '`sectionKey`, each row `rowKey`, each flag its `id`, `status` and `note`.',
      tag: 'documents',
      access: READERS,
      params: IdParams,
      responses: [
        { status: 200, description: 'The result', schema: KeyedResult },
        { status: 409, description: 'No successful extraction yet' },
      ],
      async handler({ params }) {
        const doc = await getDocument(store, params.id);
        if (!doc) throw new ApiError(404, { message: `no document ${params.id}` });
        const result = await keyedResult(store, doc.id);
        if (!result) {
          throw new ApiError(409, {
            message: `document ${doc.id} has no result yet (status ${doc.status})`,
            details: { status: doc.status },
          });
        }
        return result;
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/documents/:id/reextract',
      operationId: 'reextract',
      summary:
        'Extract the stored file again (a new run); corrections are re-applied, misfits become conflicts.',
      tag: 'documents',
      access: UPLOADERS,
      params: IdParams,
      responses: [
        { status: 202, description: 'Queued', schema: DocumentView },
        { status: 409, description: 'Already queued, or the original file is not stored' },
      ],
      async handler({ params, user, reply }) {
        const doc = await submitter.reextract(params.id, user.id);
        reply.code(202);
        return documentView(doc);
      },
    }),
  ];
}
