import { describe, expect, it } from 'vitest';
import { ProgressBoard, ocrProgress, progressOfStatus } from '../../src/runner/progress.js';

describe('document progress', () => {
  it('counts OCR pages as "k of n": finished + 1, never past n', () => {
    expect(ocrProgress(0, 3)).toEqual({ stage: 'ocr', page: 1, pages: 3 });
    expect(ocrProgress(2, 3)).toEqual({ stage: 'ocr', page: 3, pages: 3 });
    expect(ocrProgress(3, 3)).toEqual({ stage: 'ocr', page: 3, pages: 3 });
  });

  it('derives progress from a stored status when no runner reports one', () => {
    expect(progressOfStatus('done', 4)).toEqual({ stage: 'done', page: null, pages: 4 });
    expect(progressOfStatus('failed', 4)).toEqual({ stage: 'failed', page: null, pages: null });
    expect(progressOfStatus('queued', null).stage).toBe('queued');
    expect(progressOfStatus('processing', null).stage).toBe('parse');
  });

  it('keeps live progress on the board until the document is done or failed', () => {
    const board = new ProgressBoard();
    board.report('a', ocrProgress(0, 2));
    board.report('b', { stage: 'parse', page: null, pages: null });
    expect(board.get('a')).toEqual({ stage: 'ocr', page: 1, pages: 2 });
    board.report('a', { stage: 'done', page: null, pages: 2 });
    board.report('b', { stage: 'failed', page: null, pages: null });
    expect(board.get('a')).toBeUndefined();
    expect(board.size).toBe(0);
  });
});
