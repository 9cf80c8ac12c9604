import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/config/load.js';
import { InputError } from '../../src/errors.js';

const problems = (text: string): string[] => {
  try {
    parseConfigText(text, 'papers.config.json');
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message.split('\n').slice(1).map((l) => l.trim());
  }
  return [];
};

describe('parseConfigText', () => {
  it.each([
    ['{"__proto__": {"x": 1}}', '__proto__: the key "__proto__" is not allowed'],
    ['{"sections": {"__proto__": "推荐系统"}}', 'sections.__proto__: the key "__proto__" is not allowed'],
    ['{"sections": {"constructor": "推荐系统"}}', 'sections.constructor: the key "constructor" is not allowed'],
    ['{"lint": {"rules": {"prototype": "off"}}}', 'lint.rules.prototype: the key "prototype" is not allowed'],
    ['{"venues": [{"name": "KDD", "__proto__": {"polluted": true}}]}', 'venues.0.__proto__: the key "__proto__" is not allowed'],
  ])('refuses an object machinery key at any level: %s', (text, message) => {
    expect(problems(text)).toContain(message);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses two slugs for one section heading, naming both', () => {
    expect(problems('{"sections": {"recsys": "推荐系统", "rec": "推荐系统", "ir": "信息检索、搜索"}}')).toEqual([
      'sections: "recsys" and "rec" both name the section "推荐系统"; give it one slug',
    ]);
  });

  it('accepts the shipped config and keys that only look alike', () => {
    expect(problems('{"sections": {"recsys": "推荐系统", "ir": "信息检索、搜索"}, "todoTerms": ["__proto__ x"]}')).toEqual([]);
    expect(parseConfigText('{"sections": {"proto": "P", "constructors": "C"}}', 'c.json').sections).toEqual({ proto: 'P', constructors: 'C' });
  });
});
