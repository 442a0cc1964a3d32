import { fireEvent, render, screen, within } from '@testing-library/preact';
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

  it('links to the privacy policy bundled with the extension, in a new tab', () => {
    render(<PrivacySection historyEnabled={true} onChange={() => {}} />);
    const link = within(screen.getByRole('group', { name: 'Privacy' })).getByRole('link', { name: 'Privacy policy' });
    // The extension's own page (PRIVACY.md), not a web address: it opens offline too.
    expect(link.getAttribute('href')).toBe('/privacy.html');
    expect(link.getAttribute('target')).toBe('_blank');
  });

  it('passes a tick as a change to that choice', () => {
    const onChange = vi.fn();
    render(<PrivacySection historyEnabled={true} onChange={onChange} />);
    fireEvent.click(box(HISTORY));
    expect(onChange).toHaveBeenLastCalledWith({ historyEnabled: false });
  });
});
