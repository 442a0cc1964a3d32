import { describe, expect, it } from 'vitest';
import { isOwnPageSender, type SenderLike } from './sender';

const chromeSelf = {
  id: 'abcdefghijklmnopabcdefghijklmnop',
  rootUrl: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/',
};
const firefoxSelf = {
  id: 'key-lookup@modelgates.ai',
  rootUrl: 'moz-extension://0b7c6a1e-3f2d-4c5b-9a8e-7d6c5b4a3f2e/',
};
const own = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

describe('isOwnPageSender', () => {
  it.each<[string, SenderLike]>([
    ['the popup', { id: chromeSelf.id, url: `${own}/popup.html`, origin: own }],
    ['the popup, without an origin field', { id: chromeSelf.id, url: `${own}/popup.html` }],
    [
      'the options page in a tab',
      { id: chromeSelf.id, url: `${own}/options.html`, tab: { url: `${own}/options.html` } },
    ],
    ['the popup opened with a query', { id: chromeSelf.id, url: `${own}/popup.html?window=1` }],
    [
      'the card page in a tab, its address naming a hash',
      {
        id: chromeSelf.id,
        url: `${own}/card.html#${'a'.repeat(64)}`,
        tab: { url: `${own}/card.html#${'a'.repeat(64)}` },
      },
    ],
    [
      'the bulk lookup page in a tab, opened with hashes waiting',
      { id: chromeSelf.id, url: `${own}/bulk.html#inbox`, tab: { url: `${own}/bulk.html#inbox` } },
    ],
    ['the side panel (no tab)', { id: chromeSelf.id, url: `${own}/sidepanel.html`, origin: own }],
    [
      'the side panel page opened in a tab',
      { id: chromeSelf.id, url: `${own}/sidepanel.html`, tab: { url: `${own}/sidepanel.html` } },
    ],
  ])('accepts %s', (_, sender) => {
    expect(isOwnPageSender(sender, chromeSelf)).toBe(true);
  });

  it.each<[string, SenderLike]>([
    ['no sender details at all', {}],
    ['a sender without a URL', { id: chromeSelf.id }],
    [
      'another extension',
      { id: 'zyxwvutsrqponmlkzyxwvutsrqponmlk', url: 'chrome-extension://zyxwvutsrqponmlkzyxwvutsrqponmlk/popup.html' },
    ],
    [
      'another extension claiming our id',
      { id: chromeSelf.id, url: 'chrome-extension://zyxwvutsrqponmlkzyxwvutsrqponmlk/popup.html' },
    ],
    ['a web page', { url: 'https://evil.example/popup.html', origin: 'https://evil.example' }],
    [
      'a content-script-like sender with a tab',
      { id: chromeSelf.id, url: 'https://modelgates.ai/keys', tab: { url: 'https://modelgates.ai/keys' } },
    ],
    [
      'our page inside a web page tab',
      { id: chromeSelf.id, url: `${own}/popup.html`, tab: { url: 'https://evil.example/' } },
    ],
    [
      'an origin that disagrees with the URL',
      { id: chromeSelf.id, url: `${own}/popup.html`, origin: 'https://evil.example' },
    ],
    ['another page of ours', { id: chromeSelf.id, url: `${own}/background.js` }],
    [
      'a card page of another extension',
      { id: chromeSelf.id, url: 'chrome-extension://zyxwvutsrqponmlkzyxwvutsrqponmlk/card.html' },
    ],
    [
      'the card page inside a web page tab',
      { id: chromeSelf.id, url: `${own}/card.html`, tab: { url: 'https://evil.example/' } },
    ],
    [
      'a bulk page of another extension',
      { id: chromeSelf.id, url: 'chrome-extension://zyxwvutsrqponmlkzyxwvutsrqponmlk/bulk.html' },
    ],
    ['a web page named like the bulk page', { url: 'https://evil.example/bulk.html', origin: 'https://evil.example' }],
    ['a page of ours beside the bulk page', { id: chromeSelf.id, url: `${own}/bulk.htm` }],
    [
      'a side panel of another extension',
      { id: chromeSelf.id, url: 'chrome-extension://zyxwvutsrqponmlkzyxwvutsrqponmlk/sidepanel.html' },
    ],
    [
      'the side panel page inside a web page tab',
      { id: chromeSelf.id, url: `${own}/sidepanel.html`, tab: { url: 'https://evil.example/' } },
    ],
    ['a URL that does not parse', { id: chromeSelf.id, url: 'not a url' }],
    ['a file URL', { id: chromeSelf.id, url: 'file:///popup.html' }],
    ['a data URL', { id: chromeSelf.id, url: 'data:text/html,<script>1</script>' }],
  ])('refuses %s', (_, sender) => {
    expect(isOwnPageSender(sender, chromeSelf)).toBe(false);
  });

  it('accepts Firefox pages served from the per-install uuid, and nothing else', () => {
    const page = 'moz-extension://0b7c6a1e-3f2d-4c5b-9a8e-7d6c5b4a3f2e/popup.html';
    expect(isOwnPageSender({ id: firefoxSelf.id, url: page }, firefoxSelf)).toBe(true);
    expect(
      isOwnPageSender(
        { id: firefoxSelf.id, url: 'moz-extension://ffffffff-3f2d-4c5b-9a8e-7d6c5b4a3f2e/popup.html' },
        firefoxSelf,
      ),
    ).toBe(false);
  });

  it('refuses everything when it does not know its own id', () => {
    expect(isOwnPageSender({ id: '', url: `${own}/popup.html` }, { ...chromeSelf, id: '' })).toBe(false);
  });
});
