import type { KeyHash } from '@/utils/hash-input';
import { askWorker } from '@/utils/messaging/page/worker-client';

/** "Look up all N": the bulk page opens in a tab with these hashes, and the popup gets out of the way. */
export async function openBulk(hashes: KeyHash[]): Promise<void> {
  const reply = await askWorker('openBulk', { hashes });
  if (reply.ok) window.close();
}

export interface FindOnPageButtonProps {
  /** "No key hashes on this page", or why the page could not be read. */
  onRefused: (message: string) => void;
}

/**
 * Reads the current tab's visible text once, on this click (activeTab), and opens the bulk page
 * with the hashes found in it.
 */
export function FindOnPageButton({ onRefused }: FindOnPageButtonProps) {
  async function find() {
    const reply = await askWorker('findOnPage');
    if (reply.ok) window.close();
    else onRefused('message' in reply ? reply.message : 'The page could not be read. Try again.');
  }
  return (
    <button type="button" class="button--small find-on-page" onClick={() => void find()}>
      Find key hashes on this page
    </button>
  );
}
