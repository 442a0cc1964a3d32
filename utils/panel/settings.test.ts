import { describe, expect, it } from 'vitest';
import { LOOKUP_MENU_IDS, rightClickInOf } from './settings';
import { panelPortName, windowOfPort } from './port-protocol';

describe('where right-click lookups show', () => {
  it('reads it from the "Look up key hash" item’s id, and from no other item', () => {
    expect(rightClickInOf(LOOKUP_MENU_IDS.popup)).toBe('popup');
    expect(rightClickInOf(LOOKUP_MENU_IDS.panel)).toBe('panel');
    expect(rightClickInOf('find-on-page')).toBeNull();
    expect(rightClickInOf(7)).toBeNull();
  });

  it('keeps the popup’s id as before, so that an item made by an older version still works', () => {
    expect(LOOKUP_MENU_IDS.popup).toBe('lookup-selection');
  });
});

describe('a side panel’s port name', () => {
  it('carries its window’s id, and nothing else is taken for one', () => {
    expect(windowOfPort(panelPortName(1723))).toBe(1723);
    expect(windowOfPort(panelPortName(0))).toBe(0);
    for (const name of [
      '',
      'side-panel:',
      'side-panel:-1',
      'side-panel:1.5',
      'side-panel:x',
      'other:3',
      'side-panel:1e3',
    ])
      expect(windowOfPort(name)).toBeNull();
  });
});
