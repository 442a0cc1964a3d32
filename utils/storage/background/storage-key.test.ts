import { describe, expect, it } from 'vitest';
import { areaAndName } from './storage-key';

describe('an item key’s area and name', () => {
  it('splits at the first colon only', () => {
    expect(areaAndName('local:settings')).toEqual(['local', 'settings']);
    expect(areaAndName('session:side-panel:stack')).toEqual(['session', 'side-panel:stack']);
  });
});
