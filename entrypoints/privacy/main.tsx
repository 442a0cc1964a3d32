// privacy.html: PRIVACY.md, bundled with the extension so that it reads the same offline and is
// the very text the stores link to. Linked from the options page's Privacy section.
import { render } from 'preact';
import policy from '@/PRIVACY.md?raw';
import { MarkdownDocument } from '@/components/privacy-policy/MarkdownDocument';
import '@/assets/theme.css';
import './privacy.css';

render(
  <main class="policy">
    <MarkdownDocument source={policy} />
  </main>,
  document.getElementById('app') as HTMLElement,
);
