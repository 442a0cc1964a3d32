import { act, renderHook, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HASH, makeKey, NOW, OTHER_HASH } from '@/test/fixtures/key';
import { INVALID_HASH_MESSAGE, type KeyHash, SECRET_KEY_MESSAGE } from '@/utils/hash-input';
import type { MergedLookup } from '@/utils/lookup/account-answers';
import { askWorker } from '@/utils/messaging/page/worker-client';
import { useLookupEntry } from './use-lookup-entry';

// The "Key hash" field's decisions, with the worker (askWorker) replaced: what is looked up, what
// is refused and with which words, and what never leaves the page.
vi.mock('@/utils/messaging/page/worker-client', () => ({ askWorker: vi.fn() }));

const SECRET = `sk-mg-v1-${'a'.repeat(64)}`;
const answer: MergedLookup = {
  ok: true,
  found: [{ key: makeKey({ name: 'Production backend' }), fetchedAt: NOW.toISOString() }],
};
const asked = () => vi.mocked(askWorker).mock.calls.map(([type, data]) => [type, data]);

beforeEach(() => {
  vi.mocked(askWorker).mockReset();
  vi.mocked(askWorker).mockImplementation((async () => answer) as typeof askWorker);
});

/** A paste of `text` into the field, as the browser delivers it. */
function pasteEvent(text: string): ClipboardEvent {
  const event = new Event('paste', { cancelable: true }) as ClipboardEvent;
  Object.defineProperty(event, 'clipboardData', { value: { getData: () => text } });
  return event;
}

describe('useLookupEntry', () => {
  it('looks up the hash in what was submitted, and puts just the hash in the field', async () => {
    const settled = vi.fn();
    const { result } = renderHook(() => useLookupEntry(settled));
    await act(() => result.current.submit(`GET /api/v1/keys/${HASH.toUpperCase()} 404`));
    expect(result.current.text).toBe(HASH);
    await waitFor(() => expect(result.current.view).toMatchObject({ kind: 'result', hash: HASH }));
    expect(asked()).toEqual([['lookup', { hash: HASH, allowCached: true }]]);
    expect(settled).toHaveBeenCalledTimes(1);
  });

  it('refuses a secret key: it leaves the field, is never sent, and the field says why', async () => {
    const { result } = renderHook(() => useLookupEntry(() => {}));
    await act(() => result.current.setText(SECRET));
    await act(() => result.current.submit(SECRET));
    expect(result.current.text).toBe('');
    expect(result.current.inputError).toBe(SECRET_KEY_MESSAGE);
    expect(asked()).toEqual([]);
  });

  it.each([
    ['nothing', '  ', 'Enter or paste a key hash.'],
    ['no hash', 'abc123', INVALID_HASH_MESSAGE],
  ])('says what a key hash is for %s, keeps the text, and sends nothing', async (_, text, message) => {
    const { result } = renderHook(() => useLookupEntry(() => {}));
    await act(() => result.current.setText(text));
    await act(() => result.current.submit(text));
    expect(result.current.inputError).toBe(message);
    expect(result.current.text).toBe(text);
    expect(asked()).toEqual([]);
  });

  it('asks which one when the text holds several hashes, and looks up the one picked', async () => {
    const { result } = renderHook(() => useLookupEntry(() => {}));
    await act(() => result.current.submit(`${HASH}\n${OTHER_HASH}`));
    expect(result.current.view).toEqual({ kind: 'choice', hashes: [HASH, OTHER_HASH] });
    expect(asked()).toEqual([]);
    await act(() => result.current.pick(OTHER_HASH as KeyHash));
    expect(result.current.text).toBe(OTHER_HASH);
    expect(asked()).toEqual([['lookup', { hash: OTHER_HASH, allowCached: true }]]);
  });

  it('looks a pasted hash up at once, and keeps a pasted secret out of the field', async () => {
    const { result } = renderHook(() => useLookupEntry(() => {}));
    const hashPaste = pasteEvent(`key ${HASH}`);
    await act(() => result.current.onPaste(hashPaste));
    expect(hashPaste.defaultPrevented).toBe(true);
    expect(asked()).toEqual([['lookup', { hash: HASH, allowCached: true }]]);
    const secretPaste = pasteEvent(SECRET);
    await act(() => result.current.onPaste(secretPaste));
    expect(secretPaste.defaultPrevented).toBe(true);
    expect(result.current.text).toBe('');
    expect(result.current.inputError).toBe(SECRET_KEY_MESSAGE);
    expect(asked()).toHaveLength(1);
  });

  it('lets any other paste into the field as typed text, without a lookup', async () => {
    const { result } = renderHook(() => useLookupEntry(() => {}));
    const partial = pasteEvent('16ad3f');
    await act(() => result.current.onPaste(partial));
    expect(partial.defaultPrevented).toBe(false);
    expect(asked()).toEqual([]);
  });

  it('Esc empties the field and takes the card away; with nothing to clear it says so', async () => {
    const { result } = renderHook(() => useLookupEntry(() => {}));
    let cleared = true;
    await act(() => {
      cleared = result.current.clear();
    });
    expect(cleared).toBe(false);
    await act(() => result.current.submit(HASH));
    await waitFor(() => expect(result.current.view.kind).toBe('result'));
    await act(() => {
      cleared = result.current.clear();
    });
    expect(cleared).toBe(true);
    expect(result.current.text).toBe('');
    expect(result.current.view).toEqual({ kind: 'idle' });
  });
});
