// axe on the popup with a watched list, in Chromium (axe runs through Playwright). The watchlist
// itself, its checks, alerts and notifications: scenarios/watchlist, in both browsers.
import { AxeBuilder } from '@axe-core/playwright';
import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_HASHES } from '../../mock-api/samples.ts';
import { useChromium } from '../fixtures.ts';
import { lookUp } from '../harness.ts';

const session = useChromium({ configured: true });

describe('the popup with a watched list', () => {
  beforeAll(async () => {
    const popup = await session.h.openPage('popup.html');
    await lookUp(popup, SAMPLE_HASHES.active);
    await popup.getByRole('button', { name: 'Watch', exact: true }).click();
    await popup.getByRole('button', { name: 'Watching', exact: true }).waitFor();
    await popup.close();
  });

  it('has no serious or critical axe violations', async () => {
    const popup = await session.h.openPage('popup.html');
    await popup.getByRole('region', { name: 'Watched keys' }).getByRole('listitem').first().waitFor();
    const blocking: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme });
      const { violations } = await new AxeBuilder({ page: popup }).analyze();
      for (const v of violations)
        if (v.impact === 'serious' || v.impact === 'critical') blocking.push(`${v.id} (${colorScheme}): ${v.help}`);
    }
    expect(blocking).toEqual([]);
    await popup.close();
  });
});
