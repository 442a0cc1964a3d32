import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { PrivacySection } from './PrivacySection';

const box = (name: string) => screen.getByRole('checkbox', { name }) as HTMLInputElement;
const HISTORY = 'Remember recent lookups';

describe('PrivacySection', () => {
  it('shows the choice as it is, with the hint that says what it means', () => {
    render(<PrivacySection historyEnabled={false} onChange={() => {}} />);
    expect(box(HISTORY).checked).toBe(false);
    expect(screen.getByRole('group', { name: 'Privacy' })).toBeInstanceOf(HTMLFieldSetElement);
    expect(screen.getByRole('checkbox', { description: /Turning this off clears the list\.$/ })).toBe(box(HISTORY));
  });

  it('passes a tick as a change to that choice', () => {
    const onChange = vi.fn();
    render(<PrivacySection historyEnabled={true} onChange={onChange} />);
    fireEvent.click(box(HISTORY));
    expect(onChange).toHaveBeenLastCalledWith({ historyEnabled: false });
  });
});
