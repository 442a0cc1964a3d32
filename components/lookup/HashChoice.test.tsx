import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { parseHashInput, type KeyHash } from '@/utils/hash-input';
import { HashChoice } from './HashChoice';
import { HASH, OTHER_HASH } from '@/test/fixtures/key';

const THIRD_HASH = 'a5d99cbd90dc27faaad31299db97d2107d4937345d573a6af0dccd2389c626db';

/** Real KeyHash values, from the parser the popup uses on pasted text. */
function pasted(text: string): KeyHash[] {
  const input = parseHashInput(text);
  if (input.kind !== 'choice') throw new Error(`expected a choice, got ${input.kind}`);
  return input.hashes;
}

describe('HashChoice', () => {
  const hashes = pasted(`old: ${HASH}\nnew: ${OTHER_HASH}\n"${THIRD_HASH}"`);

  it('says how many hashes the text holds', () => {
    render(<HashChoice hashes={hashes} onPick={vi.fn()} />);
    expect(screen.queryByText('This text holds 3 key hashes. Pick one:')).not.toBeNull();
  });

  it('offers one button per hash, in order, named by the full hash', () => {
    render(<HashChoice hashes={hashes} onPick={vi.fn()} />);
    const buttons = screen.getAllByRole('button');
    expect(buttons.map((button) => button.getAttribute('aria-label'))).toEqual([
      `Look up ${HASH}`,
      `Look up ${OTHER_HASH}`,
      `Look up ${THIRD_HASH}`,
    ]);
    expect(buttons.map((button) => button.getAttribute('title'))).toEqual([HASH, OTHER_HASH, THIRD_HASH]);
  });

  it('shows each hash shortened', () => {
    render(<HashChoice hashes={hashes} onPick={vi.fn()} />);
    const button = screen.getByRole('button', { name: `Look up ${HASH}` });
    const shown = button.textContent ?? '';
    expect(shown.length).toBeLessThan(HASH.length);
    expect(shown.startsWith(HASH.slice(0, 8))).toBe(true);
    expect(shown.endsWith(HASH.slice(-6))).toBe(true);
    expect(shown).toContain('…');
  });

  it.each([HASH, OTHER_HASH, THIRD_HASH])('picks %s when its button is clicked', (hash) => {
    const onPick = vi.fn();
    render(<HashChoice hashes={hashes} onPick={onPick} />);
    fireEvent.click(screen.getByRole('button', { name: `Look up ${hash}` }));
    expect(onPick).toHaveBeenCalledTimes(1);
    expect(onPick).toHaveBeenCalledWith(hash);
  });

  it('offers "Look up all 3" when asked to, and calls it on a click', () => {
    const onLookUpAll = vi.fn();
    render(<HashChoice hashes={hashes} onPick={vi.fn()} onLookUpAll={onLookUpAll} />);
    fireEvent.click(screen.getByRole('button', { name: 'Look up all 3' }));
    expect(onLookUpAll).toHaveBeenCalledOnce();
  });

  it('has no "Look up all" without somewhere to send them', () => {
    render(<HashChoice hashes={hashes} onPick={vi.fn()} />);
    expect(screen.queryByRole('button', { name: /Look up all/ })).toBeNull();
  });
});
