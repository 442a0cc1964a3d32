// Everything the reference extension takes from the product: the key card component and the CSS
// our pages load. One module, so that moving either in the product is a one-line change here.
import '@/assets/theme.css';
import type { KeyCard } from '@/components/card/KeyCard';

export { KeyCard } from '@/components/card/KeyCard';

/** One API key as the card takes it. */
export type ApiKey = Parameters<typeof KeyCard>[0]['apiKey'];
