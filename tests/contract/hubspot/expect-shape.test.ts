import { describe, expect, it } from '@jest/globals';
import { expectShape } from './support/contract.js';

describe('expectShape', () => {
  it('fails on an empty array where the fixture shows an item, since it proves nothing about the item shape', () => {
    expect(() => expectShape({ results: [] }, { results: [{ id: 'x' }] })).toThrow();
    expect(() => expectShape({ results: [{ id: '1' }] }, { results: [{ id: 'x' }] })).not.toThrow();
    expect(() => expectShape({ results: [{ name: '1' }] }, { results: [{ id: 'x' }] })).toThrow();
  });
});
