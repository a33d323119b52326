import { describe, expect, it } from 'vitest';
import { parseCompareAddress, versionBlocksPath } from '../../src/lib/compare-data.ts';

describe('compare addresses for the browser redline', () => {
  it('reads a compare address, with or without the last slash, and nothing else', () => {
    expect(parseCompareAddress('/policies/secure-communication/compare/1.0/2.1/')).toEqual({ slug: 'secure-communication', from: '1.0', to: '2.1' });
    expect(parseCompareAddress('/policies/a/compare/1.9/1.10')).toEqual({ slug: 'a', from: '1.9', to: '1.10' });
    expect(parseCompareAddress('/policies/a/compare/1.0/')).toBeUndefined();
    expect(parseCompareAddress('/policies/a/1.0/')).toBeUndefined();
    expect(parseCompareAddress('/x/policies/a/compare/1.0/2.0/')).toBeUndefined();
  });

  it('puts a version\'s blocks beside its page', () => {
    expect(versionBlocksPath('a', '1.10')).toBe('/policies/a/1.10/blocks.json');
  });
});
