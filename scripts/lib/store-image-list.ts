// The store listings' images (store/images/): their files, sizes and captions. scripts/lib/store-images.ts
// draws each one (`npm run screenshots`); `npm run release:check` lists them. A new image, the side
// panel's screenshot once it lands, is one more entry here and one more drawing there.
// Runs under plain `node`: erasable TypeScript only.

export interface StoreImage {
  file: string;
  /** What it shows: the caption to give it in the listing. */
  caption: string;
  width: number;
  height: number;
  /** Whether the PNG keeps an alpha channel: only the icon; the stores want screenshots and tiles without. */
  alpha: boolean;
}

/** Chrome Web Store's screenshot size; addons.mozilla.org shows the same ratio. */
export const SCREENSHOT = { width: 1280, height: 800 } as const;

const screenshot = (file: string, caption: string): StoreImage => ({ file, caption, ...SCREENSHOT, alpha: false });

export const STORE_IMAGES: StoreImage[] = [
  screenshot(
    'screenshot-1-popup.png',
    'Paste a key hash: whose key it is, its status, spend against its limit and when the limit resets',
  ),
  screenshot(
    'screenshot-2-bulk.png',
    'Look up many keys at once: from pasted text, a CSV file or the hashes found on a page',
  ),
  screenshot('screenshot-3-card.png', "A key's card in a tab of its own, to refresh, copy or watch"),
  screenshot(
    'screenshot-4-options.png',
    'Privacy choices, the privacy policy a click away, and alerts for the keys you watch',
  ),
  { file: 'promo-small-440x280.png', caption: 'Small promo tile', width: 440, height: 280, alpha: false },
  { file: 'icon-128.png', caption: 'Store icon', width: 128, height: 128, alpha: true },
];
