import { describe, expect, it } from 'vitest';
import { BoundedCache } from '../../src/domain/boundedCache.js';

describe('BoundedCache', () => {
  it('makes an entry once, and lets the least recently used go past its bound', () => {
    const cache = new BoundedCache<string>(2);
    const made: string[] = [];
    const get = (key: string) =>
      cache.get(key, () => {
        made.push(key);
        return `${key}!`;
      });
    expect(get('a')).toBe('a!');
    get('b');
    expect(get('a')).toBe('a!');
    get('c'); // b was used least recently
    get('a');
    get('b');
    expect(made).toEqual(['a', 'b', 'c', 'b']);
  });

  it('keeps nothing when making throws, and forgets an entry only while it is the one kept', () => {
    const cache = new BoundedCache<object>(4);
    expect(() =>
      cache.get('x', () => {
        throw new Error('unknown time zone');
      }),
    ).toThrow('unknown time zone');
    const first = cache.get('x', () => ({ n: 1 }));
    cache.forget('x', { n: 1 });
    expect(cache.get('x', () => ({ n: 2 }))).toBe(first);
    cache.forget('x', first);
    expect(cache.get('x', () => ({ n: 3 }))).toEqual({ n: 3 });
  });
});
