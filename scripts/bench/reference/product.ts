// Everything the reference extension takes from the product: the key card and history list
// components and the CSS our pages load. One module, so that moving any in the product is a
// one-line change here.
import '@/assets/theme.css';
import type { KeyCard } from '@/components/card/KeyCard';

export { KeyCard } from '@/components/card/KeyCard';
export { HistoryList } from '@/components/lookup/HistoryList';
export type { HistoryItem } from '@/utils/lookup/views';

/** One API key as the card takes it. */
export type ApiKey = Parameters<typeof KeyCard>[0]['apiKey'];
