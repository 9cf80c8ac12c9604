import { describe, expect, it } from 'vitest';
import { createOrgRegistry } from '../../src/store/orgs.js';

describe('organisation registry', () => {
  const orgs = createOrgRegistry();

  it.each([
    ['Google', 'canonical', null],
    ['google', 'variant', 'Google'],
    ['GOOGLE', 'variant', 'Google'],
    ['Byte Dance', 'variant', 'ByteDance'],
    ['Nvidia', 'variant', 'NVIDIA'],
    ['Google DeepMind', 'alias', null],
    ['Ali', 'unknown', null],
    ['MS', 'unknown', null],
    ['Gogle', 'unknown', null],
  ])('%s is %s', (raw, match, suggestion) => {
    const r = orgs.resolve(raw);
    expect([r.match, r.suggestion]).toEqual([match, suggestion]);
  });

  it('lets config choose the canonical spelling, and accept alternative spellings', () => {
    const custom = createOrgRegistry([{ name: 'google' }, { name: 'ByteDance', aliases: ['Bytedance'] }]);
    expect(custom.resolve('google').match).toBe('canonical');
    expect(custom.resolve('Google')).toMatchObject({ match: 'variant', suggestion: 'google' });
    expect(custom.resolve('Bytedance').match).toBe('alias');
    expect(custom.resolve('BYTEDANCE')).toMatchObject({ match: 'variant', suggestion: 'ByteDance' });
  });
});
