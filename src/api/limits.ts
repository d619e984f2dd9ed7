/** Request and upload limits of the HTTP API; every one can be overridden in buildServer's options. */

export interface ZipLimits {
  /** Most entries (files and folders) an uploaded zip may list. */
  maxEntries: number;
  /** Most bytes all entries of one zip may inflate to, together. */
  maxTotalBytes: number;
  /** Highest inflated/compressed ratio of one entry (a zip bomb's tell). */
  maxRatio: number;
  /** Entries smaller than this inflate are not held to maxRatio: a small, very regular file is no bomb. */
  ratioMinBytes: number;
}

export interface UploadLimits {
  /** Largest file (or zip entry, inflated) accepted. */
  maxFileBytes: number;
  /** Most file parts in one multipart request. */
  maxFiles: number;
  /** Most pages of a PDF accepted. */
  maxPages: number;
  zip: ZipLimits;
}

export interface ApiLimits {
  /** Largest JSON request body. */
  bodyBytes: number;
  upload: UploadLimits;
}

/** 1 MiB. */
const MiB = 1024 * 1024;

/** Defaults: generous for scanned archives of a few hundred pages, far below what hurts the server. */
export const DEFAULT_LIMITS: ApiLimits = {
  bodyBytes: 1 * MiB,
  upload: {
    maxFileBytes: 50 * MiB,
    maxFiles: 100,
    maxPages: 500,
    zip: {
      maxEntries: 1000,
      maxTotalBytes: 500 * MiB,
      maxRatio: 100,
      ratioMinBytes: 1 * MiB,
    },
  },
};

/** Limits with a partial override applied (nested objects merged one level deep). */
export function resolveLimits(
  override: {
    bodyBytes?: number;
    upload?: Partial<Omit<UploadLimits, 'zip'>> & { zip?: Partial<ZipLimits> };
  } = {},
): ApiLimits {
  const d = DEFAULT_LIMITS;
  return {
    bodyBytes: override.bodyBytes ?? d.bodyBytes,
    upload: {
      ...d.upload,
      ...override.upload,
      zip: { ...d.upload.zip, ...override.upload?.zip },
    },
  };
}

export type LimitsOverride = Parameters<typeof resolveLimits>[0];
