import fc from 'fast-check';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { ApiError, errorResponse, formatIssuePath, fromZodError } from '../../src/api/errors.js';
import { resolveLimits, DEFAULT_LIMITS } from '../../src/api/limits.js';
import { Counter, Histogram, Registry } from '../../src/api/metrics.js';
import { LoginThrottle } from '../../src/api/throttle.js';
import { MAX_FILE_NAME_LENGTH, safeFileName } from '../../src/api/upload.js';
import { BadInputError, IkiError, InputTooLargeError } from '../../src/errors.js';
import { NotFoundError, StateConflictError } from '../../src/store/errors.js';

describe('error responses', () => {
  it('maps typed errors to statuses and hides internal ones', () => {
    expect(errorResponse(new NotFoundError('no document x')).status).toBe(404);
    expect(errorResponse(new StateConflictError('later edit')).body).toEqual({
      error: 'conflict',
      message: 'later edit',
    });
    expect(errorResponse(new BadInputError('bad')).body).toMatchObject({
      error: 'bad_request',
      reason: 'bad',
    });
    expect(errorResponse(new InputTooLargeError('big')).status).toBe(413);
    const internal = errorResponse(new IkiError('STORE_CORRUPT_RESULT', 'secret detail'));
    expect(internal).toMatchObject({ status: 500, internal: true, body: { error: 'internal' } });
    expect(JSON.stringify(internal.body)).not.toContain('secret');
    expect(errorResponse(new Error('boom')).status).toBe(500);
    expect(
      errorResponse(Object.assign(new Error('Request body is too large'), { statusCode: 413 })).body.error,
    ).toBe('payload_too_large');
    expect(errorResponse(new ApiError(429, { message: 'slow down' })).body.error).toBe('too_many_requests');
  });

  it('names the first zod issue as field and reason, with the path as written in paths', () => {
    const schema = z.object({ a: z.object({ list: z.array(z.number()) }), b: z.string() });
    const parsed = schema.safeParse({ a: { list: [1, 'x'] }, b: 3 });
    const err = fromZodError(parsed.error!, 'body');
    expect(err.status).toBe(400);
    expect(err.body).toMatchObject({ error: 'bad_request', field: 'a.list[1]', in: 'body' });
    expect((err.body.details?.issues as unknown[]).length).toBe(2);
    expect(formatIssuePath(['target', '2019'])).toBe('target.2019');
    expect(formatIssuePath([])).toBe('');
  });
});

// eslint-disable-next-line no-control-regex
const UNSAFE = /[/\\\u0000-\u001f]/;

describe('safeFileName', () => {
  it('keeps the base name of any client path', () => {
    expect(safeFileName('C:\\fakepath\\lampiran.pdf')).toBe('lampiran.pdf');
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('..')).toBe('upload');
    expect(safeFileName(undefined)).toBe('upload');
    expect(safeFileName(`${'a'.repeat(300)}.pdf`)).toMatch(/^a+\.pdf$/);
  });

  it('never returns a separator, a control character, an empty or an over-long name', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (raw) => {
        const name = safeFileName(raw);
        return name.length > 0 && name.length <= MAX_FILE_NAME_LENGTH && !UNSAFE.test(name) && name !== '..';
      }),
    );
  });
});

describe('limits', () => {
  it('merges overrides one level deep', () => {
    const l = resolveLimits({ upload: { maxFiles: 3, zip: { maxRatio: 50 } } });
    expect(l.upload.maxFiles).toBe(3);
    expect(l.upload.zip.maxRatio).toBe(50);
    expect(l.upload.zip.maxEntries).toBe(DEFAULT_LIMITS.upload.zip.maxEntries);
    expect(l.bodyBytes).toBe(DEFAULT_LIMITS.bodyBytes);
  });
});

describe('metrics', () => {
  it('renders counters and cumulative histograms in the Prometheus text format', async () => {
    const registry = new Registry();
    const c = registry.register(new Counter('t_total', 'help'));
    c.inc({ route: '/a"b\\c\n' });
    c.inc({ route: '/a"b\\c\n' }, 2);
    const h = registry.register(new Histogram('t_seconds', 'help', [0.1, 1]));
    h.observe({}, 0.05);
    h.observe({}, 0.5);
    h.observe({}, 5);
    const text = await registry.render();
    expect(text).toContain('# TYPE t_total counter');
    expect(text).toContain('t_total{route="/a\\"b\\\\c\\n"} 3');
    expect(text).toContain('t_seconds_bucket{le="0.1"} 1');
    expect(text).toContain('t_seconds_bucket{le="1"} 2');
    expect(text).toContain('t_seconds_bucket{le="+Inf"} 3');
    expect(text).toContain('t_seconds_sum 5.55');
    expect(text).toContain('t_seconds_count 3');
    expect(text.endsWith('\n')).toBe(true);
  });
});

describe('LoginThrottle', () => {
  it('blocks a key after too many failures until the window passes; success clears it', () => {
    const t = new LoginThrottle(3, 1000, 2);
    const keys = ['ip:1'];
    for (let i = 0; i < 3; i++) {
      expect(t.blocked(keys, 0)).toBeNull();
      t.fail(keys, 0);
    }
    expect(t.blocked(keys, 10)).toBe(1);
    expect(t.blocked(['ip:2'], 10)).toBeNull();
    expect(t.blocked(keys, 1001)).toBeNull();
    t.fail(keys, 2000);
    t.succeed(keys);
    expect(t.blocked(keys, 2001)).toBeNull();
  });

  it('caps concurrent checks', async () => {
    const t = new LoginThrottle(3, 1000, 1);
    let release!: () => void;
    const first = t.limit(() => new Promise<number>((r) => (release = () => r(1))));
    expect(await t.limit(async () => 2)).toBeNull();
    release();
    expect(await first).toEqual({ value: 1 });
    expect(await t.limit(async () => 3)).toEqual({ value: 3 });
  });
});
