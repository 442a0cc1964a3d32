import type { ResponseBody } from '../../key-response';

/** Bodies above this are refused unread: no key record comes anywhere near it. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Reads the body as text, giving up past `limit` bytes without buffering the rest. */
export async function readLimited(response: Response, limit = MAX_BODY_BYTES): Promise<ResponseBody> {
  const declared = Number(response.headers.get('Content-Length'));
  if (Number.isFinite(declared) && declared > limit) {
    // Cancelling only frees the connection early: the answer is 'too_large' either way.
    await response.body?.cancel().catch(() => {});
    return 'too_large';
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Cancelling only frees the connection early: the answer is 'too_large' either way.
      await reader.cancel().catch(() => {});
      return 'too_large';
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}
