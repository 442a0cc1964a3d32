import { beforeEach } from 'vitest';
import { forgetKept } from '@/utils/storage/background/memory';

// The worker keeps what it read from storage in memory. Each test starts as a freshly started
// worker does: with nothing held (fakeBrowser.reset() clears storage without change events).
beforeEach(() => forgetKept());
