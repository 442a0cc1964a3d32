// The popup's JavaScript budget, checked on the real build (`npm run build` first). How the
// files are found is tested on small fake builds in scripts/lib/.
import { describe, expect, it } from 'vitest';
import { formatKb, measureBackgroundJs, measurePopupJs, POPUP_JS_BUDGET_BYTES } from '../../scripts/lib/build-sizes.ts';
import { CHROME_BUILD_DIR } from '../../scripts/lib/paths.ts';

describe('the built popup (.output/chrome-mv3)', () => {
  it(`loads at most ${formatKb(POPUP_JS_BUDGET_BYTES)} of JavaScript, gzipped`, async () => {
    const popup = await measurePopupJs(CHROME_BUILD_DIR);
    const background = await measureBackgroundJs(CHROME_BUILD_DIR);
    const lines = popup.files.map(
      (file) => `  ${file.path.padEnd(40)} ${formatKb(file.gzipBytes).padStart(9)} gzipped`,
    );
    console.log(
      [
        `Popup JS: ${formatKb(popup.gzipBytes)} gzipped of ${formatKb(POPUP_JS_BUDGET_BYTES)} (${formatKb(popup.bytes)} raw)`,
        ...lines,
        `Background JS: ${formatKb(background.gzipBytes)} gzipped (${formatKb(background.bytes)} raw)`,
      ].join('\n'),
    );
    // The popup's own entry must be among the files, or the figure measures something else.
    expect(popup.files.some((file) => /popup/.test(file.path))).toBe(true);
    expect(popup.gzipBytes).toBeLessThanOrEqual(POPUP_JS_BUDGET_BYTES);
  });
});
