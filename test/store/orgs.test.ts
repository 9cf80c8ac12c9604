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

  it('reads informal names as the organisation only when asked (search), never for lint', () => {
    const search = createOrgRegistry([], { informal: true });
    expect(search.resolve('Ali')).toMatchObject({ name: 'Alibaba', match: 'alias' });
    expect(search.resolve('MS')).toMatchObject({ name: 'Microsoft', match: 'alias' });
    expect(search.resolve('Cal')).toMatchObject({ name: 'UC Berkeley', match: 'alias' });
    // MSRA stays its own organisation: lint never turns it into Microsoft.
    expect(search.resolve('MSRA')).toMatchObject({ name: 'MSRA', match: 'canonical' });
    expect(orgs.resolve('MSRA')).toMatchObject({ name: 'MSRA', match: 'canonical' });
    expect(search.spellingsOf('MSRA')).toEqual(['MSRA', 'Microsoft Research Asia', '微软亚洲研究院']);
    expect(search.spellingsOf('Alibaba')).toContain('Ali');
    expect(orgs.spellingsOf('Alibaba')).toEqual(['Alibaba']);
    expect(orgs.resolve('Cal').match).toBe('unknown');
  });

  it('lets config spellings come before informal ones', () => {
    const search = createOrgRegistry([{ name: 'Ali' }], { informal: true });
    expect(search.resolve('Ali')).toMatchObject({ name: 'Ali', match: 'canonical' });
    expect(search.resolve('Alibaba')).toMatchObject({ name: 'Alibaba', match: 'canonical' });
  });
});
