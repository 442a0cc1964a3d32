import { describe, expect, it } from 'vitest';
import { displayName } from './key-name';

describe('displayName', () => {
  it.each<[string, string | null | undefined, string]>([
    ['a name', 'Billing exporter', 'Billing exporter'],
    ['a name with spaces around it, as the API gave it', '  Billing  ', '  Billing  '],
    ['a missing name', undefined, 'Unnamed key'],
    ['a null name (from the history)', null, 'Unnamed key'],
    ['an empty name', '', 'Unnamed key'],
    ['a whitespace-only name', ' \t\n ', 'Unnamed key'],
  ])('shows %s', (_, name, shown) => {
    expect(displayName(name)).toBe(shown);
  });
});
