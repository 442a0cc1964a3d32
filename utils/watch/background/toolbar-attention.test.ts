import { describe, expect, it } from 'vitest';
import { toolbarBadge, type Attention } from './toolbar-attention';
import type { ActionBadge } from '../../lookup/background/action-badge';

const LOOKUP: ActionBadge = { text: 'OK', color: '#1e7d32', title: 'Last lookup: Backend (Active, No expiry)' };
const backend: Attention = { name: 'Backend', words: ['85% of limit used'] };
const ci: Attention = { name: 'CI runner', words: ['Disabled', 'Expires in 2 days'] };

describe('toolbarBadge', () => {
  it.each<[string, ActionBadge | null, Attention[], Partial<ActionBadge> | null]>([
    ['nothing at all', null, [], null],
    ['only a lookup: its own badge', LOOKUP, [], LOOKUP],
    [
      'a watched key that needs attention, after a lookup: attention first, the lookup still in the tooltip',
      LOOKUP,
      [backend],
      {
        text: '!1',
        title: '1 watched key needs attention (Backend: 85% of limit used). Last lookup: Backend (Active, No expiry)',
      },
    ],
    [
      'two, without a lookup',
      null,
      [backend, ci],
      {
        text: '!2',
        title: '2 watched keys need attention (Backend: 85% of limit used; CI runner: Disabled, Expires in 2 days)',
      },
    ],
  ])('%s', (_, lookup, attention, expected) => {
    const badge = toolbarBadge(lookup, attention);
    if (expected === null) return expect(badge).toBeNull();
    expect(badge).toMatchObject(expected);
    expect(badge?.text.length).toBeLessThanOrEqual(4);
  });
});
