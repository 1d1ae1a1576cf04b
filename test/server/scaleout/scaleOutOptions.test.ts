import { describe, expect, it } from 'vitest';
import { ScaleOutOptionError, scaleOutFrom } from '../../../server/scaleout/scaleOutOptions.js';

const PG = 'postgres://mitschrift:secret@db.example:5432/mitschrift';
const REDIS = 'redis://cache.example:6379';

describe('serve --postgres / --redis', () => {
  it('is off without either, and takes both from flags or the environment (the flag wins)', () => {
    expect(scaleOutFrom({}, {})).toBeUndefined();
    expect(scaleOutFrom({ postgres: PG, redis: REDIS }, {})).toEqual({ postgres: PG, redis: REDIS });
    expect(scaleOutFrom({}, { MITSCHRIFT_POSTGRES_URL: PG, MITSCHRIFT_REDIS_URL: REDIS })).toEqual({
      postgres: PG,
      redis: REDIS,
    });
    expect(
      scaleOutFrom(
        { redis: 'redis://flag.example:6380' },
        { MITSCHRIFT_POSTGRES_URL: PG, MITSCHRIFT_REDIS_URL: REDIS },
      ),
    ).toEqual({ postgres: PG, redis: 'redis://flag.example:6380' });
  });

  it('refuses one without the other and URLs of the wrong kind, naming the flag', () => {
    expect(() => scaleOutFrom({ postgres: PG }, {})).toThrow(ScaleOutOptionError);
    expect(() => scaleOutFrom({}, { MITSCHRIFT_REDIS_URL: REDIS })).toThrow(/both --postgres and --redis/);
    expect(() => scaleOutFrom({ postgres: 'mysql://x/y', redis: REDIS }, {})).toThrow(/--postgres must be/);
    expect(() => scaleOutFrom({ postgres: PG, redis: 'http://cache:6379' }, {})).toThrow(/--redis must be/);
    expect(() => scaleOutFrom({ postgres: 'not a url', redis: REDIS }, {})).toThrow(/--postgres must be/);
  });
});
