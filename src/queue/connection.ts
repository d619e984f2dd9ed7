/**
 * Redis connections for the queues. Every command waits through a disconnect
 * (`maxRetriesPerRequest: null`) instead of failing, so workers and a running ingest ride out a
 * Redis restart; ioredis reconnects on its own.
 */
import { Redis } from 'ioredis';
import { IkiError } from '../errors.js';

/** Key prefix of every queue when IKI_QUEUE_PREFIX is unset. */
export const DEFAULT_QUEUE_PREFIX = 'iki';

/** Longest pause between reconnection attempts (ms). */
export const MAX_RECONNECT_DELAY_MS = 2000;

export interface QueueConfig {
  /** redis://… ; defaults to REDIS_URL. */
  redisUrl: string;
  /** Key prefix, so several deployments (or test runs) share one Redis. @defaultValue DEFAULT_QUEUE_PREFIX */
  prefix: string;
}

/** The queue configuration from the environment, or null when REDIS_URL is unset. */
export function queueConfigFromEnv(env: NodeJS.ProcessEnv = process.env): QueueConfig | null {
  const redisUrl = env.REDIS_URL?.trim();
  if (!redisUrl) return null;
  return { redisUrl, prefix: env.IKI_QUEUE_PREFIX?.trim() || DEFAULT_QUEUE_PREFIX };
}

export function connectRedis(cfg: QueueConfig, name: string): Redis {
  let url: URL;
  try {
    url = new URL(cfg.redisUrl);
  } catch {
    throw new IkiError('BAD_REDIS_URL', `REDIS_URL is not a URL: ${cfg.redisUrl}`, { stage: 'queue' });
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new IkiError('BAD_REDIS_URL', `REDIS_URL must start with redis:// or rediss://`, {
      stage: 'queue',
    });
  }
  const redis = new Redis(cfg.redisUrl, {
    maxRetriesPerRequest: null,
    connectionName: name,
    retryStrategy: (times) => Math.min(times * 100, MAX_RECONNECT_DELAY_MS),
  });
  // Connection errors are reported by the reconnect loop; unhandled they would end the process.
  redis.on('error', () => undefined);
  return redis;
}
