// The privacy policy as a person reaches it: the options page's Privacy section links to the
// policy bundled with the extension (privacy.html, the text of PRIVACY.md), which asks nothing of
// the network. In Firefox, the data the add-on declares it transmits, as about:addons shows it.
import { describe, expect, it } from 'vitest';
import { waitUntil } from '../driver/wait.ts';
import { BROWSER, useExtension } from '../fixtures.ts';

const session = useExtension({ viewport: { width: 1024, height: 768 } });

describe('the privacy policy', () => {
  it('is linked from Options → Privacy and opens from the extension itself, with every section', async () => {
    const options = await session.ext.openPage('options.html');
    // The options' form is drawn once the settings are read.
    const href = await waitUntil('the Privacy policy link', () =>
      options.evaluate(() => {
        const privacy = Array.from(document.querySelectorAll('fieldset')).find(
          (set) => set.querySelector('legend')?.textContent === 'Privacy',
        );
        const link = Array.from(privacy?.querySelectorAll('a') ?? []).find((a) => a.textContent === 'Privacy policy');
        return link ? { href: link.getAttribute('href'), target: link.getAttribute('target') } : undefined;
      }),
    );
    await options.close();
    expect(href).toEqual({ href: '/privacy.html', target: '_blank' });

    const requestsBefore = session.api.requests.length;
    const policy = await session.ext.openPage('privacy.html');
    const shown = await policy.evaluate(() => ({
      title: document.title,
      headings: Array.from(document.querySelectorAll('h1, h2')).map((h) => h.textContent),
      tables: document.querySelectorAll('table').length,
    }));
    await policy.close();
    expect(shown).toEqual({
      title: 'Privacy policy · ModelGates Key Lookup',
      headings: [
        'Privacy policy',
        'In short',
        'What is sent, and to whom',
        'What is read from web pages',
        'What is stored in your browser, and for how long',
        'How to delete it',
        'Permissions',
        'Questions',
      ],
      tables: 2,
    });
    expect(session.api.requests.length).toBe(requestsBefore);
  });

  it.runIf(BROWSER === 'firefox')(
    'Firefox shows the data the add-on transmits: authentication information and website content',
    async () => {
      const read = session.ext.readAddonPermissionsTab;
      if (!read) throw new Error('The Firefox driver reads the about:addons Permissions and data tab');
      expect(await read()).toContain(
        'The developer says this extension collects: authentication information, website content',
      );
    },
  );
});
