import { z } from 'zod';

/** The `serve` flags of scale-out and their environment variables (the flag wins). */
export const SCALE_OUT_SPECS = [
  {
    flag: 'postgres',
    env: 'MITSCHRIFT_POSTGRES_URL',
    help: 'PostgreSQL URL (postgres://user:password@host:port/database): documents and tokens',
  },
  {
    flag: 'redis',
    env: 'MITSCHRIFT_REDIS_URL',
    help: 'Redis URL (redis://host:port): updates and presence between nodes',
  },
] as const;

/** A scale-out flag that cannot be used; the message names it. */
export class ScaleOutOptionError extends Error {}

const postgresUrl = z.url({ protocol: /^postgres(ql)?$/ }).describe('a postgres:// or postgresql:// URL');
const redisUrl = z.url({ protocol: /^rediss?$/ }).describe('a redis:// or rediss:// URL');

/**
 * The scale-out settings from `serve`'s flags and the environment: both URLs, or neither (a single
 * core on its workspace folder). Throws {@link ScaleOutOptionError} for one without the other or a
 * URL of the wrong kind.
 */
export function scaleOutFrom(
  flags: Readonly<Record<string, string | boolean | undefined>>,
  env: Readonly<Record<string, string | undefined>>,
): { postgres: string; redis: string } | undefined {
  const value = (spec: (typeof SCALE_OUT_SPECS)[number]): string | undefined => {
    const flag = flags[spec.flag];
    const raw = typeof flag === 'string' ? flag : env[spec.env];
    return raw === undefined || raw.trim() === '' ? undefined : raw.trim();
  };
  const postgres = value(SCALE_OUT_SPECS[0]);
  const redis = value(SCALE_OUT_SPECS[1]);
  if (postgres === undefined && redis === undefined) {
    return undefined;
  }
  if (postgres === undefined || redis === undefined) {
    throw new ScaleOutOptionError(
      'scale-out needs both --postgres and --redis (or MITSCHRIFT_POSTGRES_URL and MITSCHRIFT_REDIS_URL).',
    );
  }
  if (!postgresUrl.safeParse(postgres).success) {
    throw new ScaleOutOptionError('--postgres must be a postgres:// or postgresql:// URL.');
  }
  if (!redisUrl.safeParse(redis).success) {
    throw new ScaleOutOptionError('--redis must be a redis:// or rediss:// URL.');
  }
  return { postgres, redis };
}
