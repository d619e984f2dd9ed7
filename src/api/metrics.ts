/**
 * Prometheus metrics in the text exposition format (version 0.0.4): a few counters and
 * histograms kept in memory, plus gauges read when scraped. Small enough not to need prom-client.
 */

export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/** Request latency buckets in seconds: API calls are fast, uploads and exports slower. */
export const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Extraction time buckets in seconds: a text file takes under a second, a scanned PDF minutes. */
export const EXTRACTION_BUCKETS = [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

type Labels = Record<string, string | number>;

function escapeLabel(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function labelText(labels: Labels, extra?: [string, string]): string {
  const pairs = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabel(String(v))}"`);
  if (extra) pairs.push(`${extra[0]}="${escapeLabel(extra[1])}"`);
  return pairs.length ? `{${pairs.join(',')}}` : '';
}

/** Prometheus renders numbers as Go does: +Inf, -Inf, NaN. */
function num(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  return String(v);
}

const keyOf = (labels: Labels) =>
  JSON.stringify(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)));

interface Metric {
  render(): string;
}

export class Counter implements Metric {
  private readonly values = new Map<string, { labels: Labels; value: number }>();
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}

  inc(labels: Labels = {}, by = 1): void {
    const k = keyOf(labels);
    const cur = this.values.get(k);
    if (cur) cur.value += by;
    else this.values.set(k, { labels, value: by });
  }

  get(labels: Labels = {}): number {
    return this.values.get(keyOf(labels))?.value ?? 0;
  }

  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    for (const { labels, value } of this.values.values())
      lines.push(`${this.name}${labelText(labels)} ${num(value)}`);
    return lines.join('\n');
  }
}

export class Histogram implements Metric {
  private readonly series = new Map<
    string,
    { labels: Labels; counts: number[]; sum: number; count: number }
  >();
  constructor(
    readonly name: string,
    readonly help: string,
    readonly buckets: readonly number[],
  ) {}

  observe(labels: Labels, value: number): void {
    const k = keyOf(labels);
    let s = this.series.get(k);
    if (!s) {
      s = { labels, counts: this.buckets.map(() => 0), sum: 0, count: 0 };
      this.series.set(k, s);
    }
    this.buckets.forEach((b, i) => {
      if (value <= b) s.counts[i]!++;
    });
    s.sum += value;
    s.count++;
  }

  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const s of this.series.values()) {
      this.buckets.forEach((b, i) =>
        lines.push(`${this.name}_bucket${labelText(s.labels, ['le', num(b)])} ${s.counts[i]}`),
      );
      lines.push(`${this.name}_bucket${labelText(s.labels, ['le', '+Inf'])} ${s.count}`);
      lines.push(`${this.name}_sum${labelText(s.labels)} ${num(s.sum)}`);
      lines.push(`${this.name}_count${labelText(s.labels)} ${s.count}`);
    }
    return lines.join('\n');
  }
}

/** A gauge whose values are read at scrape time. */
export class Gauge implements Metric {
  private last: { labels: Labels; value: number }[] = [];
  constructor(
    readonly name: string,
    readonly help: string,
    private readonly collect: () =>
      Promise<{ labels: Labels; value: number }[]> | { labels: Labels; value: number }[],
  ) {}

  async refresh(): Promise<void> {
    this.last = await this.collect();
  }

  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} gauge`];
    for (const { labels, value } of this.last) lines.push(`${this.name}${labelText(labels)} ${num(value)}`);
    return lines.join('\n');
  }
}

export class Registry {
  private readonly metrics: Metric[] = [];

  register<T extends Metric>(m: T): T {
    this.metrics.push(m);
    return m;
  }

  async render(): Promise<string> {
    await Promise.all(this.metrics.map((m) => (m instanceof Gauge ? m.refresh() : undefined)));
    return `${this.metrics.map((m) => m.render()).join('\n')}\n`;
  }
}

export interface ApiMetrics {
  registry: Registry;
  httpRequests: Counter;
  httpDuration: Histogram;
  uploads: Counter;
  extractions: Counter;
  extractionDuration: Histogram;
}

/** The API's metrics; `documentCounts` is asked for the number of documents per status on each scrape. */
export function createApiMetrics(documentCounts: () => Promise<Record<string, number>>): ApiMetrics {
  const registry = new Registry();
  const metrics: ApiMetrics = {
    registry,
    httpRequests: registry.register(
      new Counter('iki_http_requests_total', 'HTTP requests by method, route pattern and status code.'),
    ),
    httpDuration: registry.register(
      new Histogram(
        'iki_http_request_duration_seconds',
        'HTTP request duration by method and route.',
        HTTP_BUCKETS,
      ),
    ),
    uploads: registry.register(
      new Counter('iki_uploads_total', 'Uploaded files by outcome (created, duplicate, rejected).'),
    ),
    extractions: registry.register(
      new Counter('iki_extractions_total', 'Extractions run by this process, by outcome (done, failed).'),
    ),
    extractionDuration: registry.register(
      new Histogram('iki_extraction_duration_seconds', 'Extraction time per document.', EXTRACTION_BUCKETS),
    ),
  };
  registerGauges(registry, Date.now(), documentCounts);
  return metrics;
}

function registerGauges(
  registry: Registry,
  started: number,
  documentCounts: () => Promise<Record<string, number>>,
): void {
  registry.register(
    new Gauge('iki_documents', 'Documents in the store by status.', async () =>
      Object.entries(await documentCounts()).map(([status, value]) => ({ labels: { status }, value })),
    ),
  );
  registry.register(
    new Gauge('process_resident_memory_bytes', 'Resident memory size in bytes.', () => [
      { labels: {}, value: process.memoryUsage().rss },
    ]),
  );
  registry.register(
    new Gauge('nodejs_heap_size_used_bytes', 'V8 heap in use, in bytes.', () => [
      { labels: {}, value: process.memoryUsage().heapUsed },
    ]),
  );
  registry.register(
    new Gauge('process_uptime_seconds', 'Seconds since the API started.', () => [
      { labels: {}, value: (Date.now() - started) / 1000 },
    ]),
  );
}
