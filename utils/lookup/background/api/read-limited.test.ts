// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readLimited } from './read-limited';

/** A body that arrives in the given chunks, and says whether the reader cancelled it. */
function streamed(chunks: Uint8Array[], headers: HeadersInit = {}) {
  const state = { cancelled: false, pulled: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[state.pulled++];
      if (chunk) controller.enqueue(chunk);
      else controller.close();
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { response: new Response(body, { headers }), state };
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe('readLimited', () => {
  it('joins the chunks, a character split across two of them included', async () => {
    const euro = bytes('€'); // three bytes
    const { response } = streamed([bytes('{"name":"'), euro.slice(0, 1), euro.slice(1), bytes('"}')]);
    expect(await readLimited(response, 64)).toBe('{"name":"€"}');
  });

  it('reads a body of exactly the limit', async () => {
    const { response } = streamed([bytes('a'.repeat(6)), bytes('b'.repeat(4))]);
    expect(await readLimited(response, 10)).toBe('aaaaaabbbb');
  });

  it('gives up on the chunk that passes the limit, and cancels the rest', async () => {
    const { response, state } = streamed([bytes('a'.repeat(6)), bytes('b'.repeat(5)), bytes('never read')]);
    expect(await readLimited(response, 10)).toBe('too_large');
    expect(state).toEqual({ cancelled: true, pulled: 2 });
  });

  it('refuses a declared length over the limit without reading anything', async () => {
    const { response, state } = streamed([bytes('small')], { 'Content-Length': '11' });
    expect(await readLimited(response, 10)).toBe('too_large');
    expect(state.cancelled).toBe(true);
  });

  it('reads a body without one as empty', async () => {
    expect(await readLimited(new Response(null, { status: 204 }))).toBe('');
  });
});
