/** Reviewers' work: rows, flags and their decisions, field corrections with history and undo, conflicts. */
import { z } from 'zod';
import { BadInputError } from '../../errors.js';
import {
  addCorrection,
  correctionHistory,
  getDocument,
  listConflicts,
  listFlags,
  queryRows,
  resolveConflict,
  setFlagStatus,
  undoCorrection,
} from '../../store/repository.js';
import { pageOf } from '../../store/search.js';
import { ApiError, badRequest } from '../errors.js';
import { type AnyRoute, type ApiContext, READERS, REVIEWERS, defineRoute } from '../route.js';
import {
  ConflictQuery,
  ConflictView,
  CorrectionView,
  FieldPatch,
  FlagPatch,
  FlagQuery,
  FlagView,
  HistoryQuery,
  IdParams,
  ResolveConflictBody,
  RowHitView,
  RowQuery,
  pageOf as pageSchema,
} from '../schemas.js';

export function reviewRoutes({ store }: ApiContext): AnyRoute[] {
  async function requireDocument(id: string): Promise<void> {
    if (!(await getDocument(store, id))) throw new ApiError(404, { message: `no document ${id}` });
  }

  return [
    defineRoute({
      method: 'GET',
      url: '/rows',
      operationId: 'queryRows',
      summary: 'Indikator rows of the latest results (corrections applied); with q, best matches first.',
      tag: 'review',
      access: READERS,
      query: RowQuery,
      responses: [{ status: 200, description: 'One page of rows', schema: pageSchema(RowHitView) }],
      async handler({ query }) {
        const page = await queryRows(store, query);
        return { ...page, ...pageOf(query) };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/flags',
      operationId: 'listFlags',
      summary: 'Flags of the latest results with the reviewer decision on each.',
      tag: 'review',
      access: READERS,
      query: FlagQuery,
      responses: [{ status: 200, description: 'One page of flags', schema: pageSchema(FlagView) }],
      async handler({ query }) {
        const page = await listFlags(store, query);
        return { ...page, ...pageOf(query) };
      },
    }),
    defineRoute({
      method: 'PATCH',
      url: '/flags/:id',
      operationId: 'decideFlag',
      summary:
        'Accept or dismiss a flag (or reopen it), with an optional note; kept on later runs while the flag is unchanged.',
      tag: 'review',
      access: REVIEWERS,
      params: IdParams,
      body: FlagPatch,
      responses: [
        {
          status: 200,
          description: 'The flag',
          schema: FlagView.omit({
            documentId: true,
            fileName: true,
            sectionIndex: true,
            jabatan: true,
            rowIndex: true,
          }),
        },
      ],
      async handler({ params, body, user }) {
        return setFlagStatus(store, params.id, body.status, body.note ?? null, user.id);
      },
    }),
    defineRoute({
      method: 'PATCH',
      url: '/documents/:id/fields',
      operationId: 'correctField',
      summary:
        'Correct one field of a row (rowKey) or a section (sectionKey): path such as `formulasi`, ' +
        '`target.2019`, `sumberData[1]`, `penandatangan[0].nip`. The old value, new value and author are kept.',
      tag: 'review',
      access: REVIEWERS,
      params: IdParams,
      body: FieldPatch,
      responses: [
        { status: 200, description: 'The recorded correction', schema: CorrectionView },
        { status: 404, description: 'No such document, row or section' },
        { status: 409, description: 'The document has no result to correct yet' },
      ],
      async handler({ params, body, user }) {
        try {
          return await addCorrection(store, {
            documentId: params.id,
            rowKey: body.rowKey ?? null,
            sectionKey: body.sectionKey ?? null,
            path: body.path,
            newValue: body.value,
            author: user.id,
          });
        } catch (err) {
          if (err instanceof BadInputError) {
            // The store names the trouble in words; a message about the value is the value's, any
            // other (unknown path, field the target lacks) is the path's.
            throw badRequest(/\bvalue\b/.test(err.message) ? 'value' : 'path', err.message, 'body');
          }
          throw err;
        }
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/documents/:id/corrections',
      operationId: 'correctionHistory',
      summary:
        'Every correction of a document (or of one field), oldest version first per field, with its state.',
      tag: 'review',
      access: READERS,
      params: IdParams,
      query: HistoryQuery,
      responses: [
        { status: 200, description: 'The history', schema: z.object({ items: z.array(CorrectionView) }) },
      ],
      async handler({ params, query }) {
        await requireDocument(params.id);
        return { items: await correctionHistory(store, params.id, query) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/corrections/:id/undo',
      operationId: 'undoCorrection',
      summary:
        "Undo a field's current correction; the field shows the edit before it (or the extracted value).",
      tag: 'review',
      access: REVIEWERS,
      params: IdParams,
      responses: [
        { status: 200, description: 'The undone correction', schema: CorrectionView },
        { status: 409, description: 'Already undone, or a later edit of the field must be undone first' },
      ],
      async handler({ params, user }) {
        return undoCorrection(store, params.id, user.id);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/documents/:id/conflicts',
      operationId: 'listConflicts',
      summary:
        'Corrections that no longer fit after a re-extraction (open ones of the latest run by default).',
      tag: 'review',
      access: READERS,
      params: IdParams,
      query: ConflictQuery,
      responses: [
        { status: 200, description: 'The conflicts', schema: z.object({ items: z.array(ConflictView) }) },
      ],
      async handler({ params, query }) {
        await requireDocument(params.id);
        return { items: await listConflicts(store, params.id, query) };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/conflicts/:id/resolve',
      operationId: 'resolveConflict',
      summary:
        "Settle a conflict: re-apply the correction (optionally to another row/section) or keep the extraction's value.",
      tag: 'review',
      access: REVIEWERS,
      params: IdParams,
      body: ResolveConflictBody,
      responses: [{ status: 200, description: 'Resolved', schema: z.object({ resolved: z.literal(true) }) }],
      async handler({ params, body, user }) {
        await resolveConflict(store, params.id, body, user.id);
        return { resolved: true };
      },
    }),
  ];
}
