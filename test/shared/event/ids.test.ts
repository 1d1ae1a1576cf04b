import { describe, expect, it } from 'vitest';
import { idSchema } from '../../../shared/docs/docName.js';
import { newId } from '../../../shared/event/ids.js';

describe('newId', () => {
  it('never starts with "-" or "_", so an id is never read as a command-line option', () => {
    // Every first byte value: the first character comes from the top 6 bits of byte 0.
    for (let b = 0; b < 256; b++) {
      const id = newId((n) => new Uint8Array(n).fill(b));
      expect(id).toMatch(/^[A-Za-z0-9]/);
      expect(idSchema.safeParse(id).success).toBe(true);
      expect(id).toHaveLength(12);
    }
  });
});
