/**
 * The shared engine (getOcrEngine / releaseOcrEngines) and the model folder, over a fake
 * tesseract.js: counts worker starts and stops without running the wasm engine.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GrayImage } from '../../src/read/image/gray.js';

const fake = vi.hoisted(() => ({
  started: 0,
  stopped: 0,
  failStarts: 0,
  /** Model files seen in langPath at start. */
  models: [] as string[],
  /** When set, recognize waits for it. */
  gate: null as Promise<void> | null,
}));

vi.mock('tesseract.js', async () => {
  const { readdirSync: list } = await import('node:fs');
  return {
    default: {
      OEM: { LSTM_ONLY: 1 },
      createWorker: async (_langs: string, _oem: number, opts: { langPath: string }) => {
        if (fake.failStarts > 0) {
          fake.failStarts--;
          throw new Error('no wasm today');
        }
        fake.started++;
        fake.models = list(opts.langPath).sort();
        return {
          setParameters: async () => ({}),
          recognize: async () => {
            if (fake.gate) await fake.gate;
            return { data: { blocks: [] } };
          },
          terminate: async () => {
            fake.stopped++;
          },
        };
      },
    },
  };
});

const { createOcrEngine, getOcrEngine, OCR_ENGINE_IDLE_MS, releaseOcrEngines } =
  await import('../../src/read/ocr/engine.js');

const page: GrayImage = { width: 4, height: 4, data: new Uint8Array(16).fill(255) };

beforeEach(() => {
  Object.assign(fake, { started: 0, stopped: 0, failStarts: 0, models: [], gate: null });
});
afterEach(async () => {
  vi.useRealTimers();
  await releaseOcrEngines();
});

describe('getOcrEngine', () => {
  it('starts one worker per thread and options, and keeps it across callers', async () => {
    const a = await getOcrEngine();
    const b = await getOcrEngine();
    await a.recognize(page, 300);
    await b.recognize(page, 300);
    await a.terminate();
    await b.recognize(page, 300);
    expect(fake.started).toBe(1);
    expect(fake.stopped).toBe(0);
    await getOcrEngine({ languages: ['ind'] });
    expect(fake.started).toBe(2);
  });

  it('stops the workers at release, and a handle used afterwards starts a new one', async () => {
    const a = await getOcrEngine();
    await getOcrEngine({ languages: ['eng'] });
    await releaseOcrEngines();
    expect(fake.stopped).toBe(2);
    await a.recognize(page, 300);
    expect(fake.started).toBe(3);
  });

  it('lets a recognition in flight finish before the worker stops', async () => {
    let open!: () => void;
    fake.gate = new Promise<void>((r) => (open = r));
    const a = await getOcrEngine();
    const job = a.recognize(page, 300);
    const released = releaseOcrEngines();
    await new Promise((r) => setTimeout(r, 10));
    expect(fake.stopped).toBe(0);
    open();
    await expect(job).resolves.toEqual([]);
    await released;
    expect(fake.stopped).toBe(1);
  });

  it('stops an idle worker after OCR_ENGINE_IDLE_MS', async () => {
    vi.useFakeTimers();
    const a = await getOcrEngine();
    await a.recognize(page, 300);
    await vi.advanceTimersByTimeAsync(OCR_ENGINE_IDLE_MS - 1);
    expect(fake.stopped).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.stopped).toBe(1);
  });

  it('throws a typed error when the worker cannot start, and tries again on the next call', async () => {
    fake.failStarts = 1;
    await expect(getOcrEngine()).rejects.toMatchObject({ code: 'OCR_UNAVAILABLE' });
    await expect(getOcrEngine()).resolves.toBeDefined();
    expect(fake.started).toBe(1);
  });
});

describe('model folder', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'iki-models-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('takes plain or gzipped models from modelDir and leaves no temporary folder behind', async () => {
    writeFileSync(join(dir, 'ind.traineddata'), 'plain');
    writeFileSync(join(dir, 'eng.traineddata.gz'), 'gz');
    const before = readdirSync(tmpdir()).filter((f) => f.startsWith('iki-tessdata-')).length;
    const e = await createOcrEngine({ modelDir: dir });
    expect(fake.models).toEqual(['eng.traineddata.gz', 'ind.traineddata.gz']);
    expect(readdirSync(tmpdir()).filter((f) => f.startsWith('iki-tessdata-')).length).toBe(before);
    await e.terminate();
  });

  it('fails with a typed error when a language is missing from modelDir', async () => {
    writeFileSync(join(dir, 'ind.traineddata'), 'plain');
    await expect(createOcrEngine({ modelDir: dir })).rejects.toMatchObject({ code: 'OCR_UNAVAILABLE' });
    expect(fake.started).toBe(0);
  });

  it('uses the npm packages by default', async () => {
    const e = await createOcrEngine({ languages: ['ind'] });
    expect(fake.models).toEqual(['ind.traineddata.gz']);
    await e.terminate();
  });
});
