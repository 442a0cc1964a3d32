import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { PrivacySection } from './PrivacySection';

const box = (name: string) => screen.getByRole('checkbox', { name }) as HTMLInputElement;
const FORGET = 'Forget the key when the browser closes';
const HISTORY = 'Remember recent lookups';

describe('PrivacySection', () => {
  it('shows each choice as it is, with the hint that says what it means', () => {
    render(<PrivacySection forgetKeyOnClose={true} historyEnabled={false} onChange={() => {}} />);
    expect(box(FORGET).checked).toBe(true);
    expect(box(HISTORY).checked).toBe(false);
    expect(screen.getByRole('group', { name: 'Privacy' })).toBeInstanceOf(HTMLFieldSetElement);
    expect(screen.getByRole('checkbox', { description: /kept in memory only, never on disk/ })).toBe(box(FORGET));
    expect(screen.getByRole('checkbox', { description: /Turning this off clears the list\.$/ })).toBe(box(HISTORY));
  });

  it('links to the privacy policy bundled with the extension, in a new tab', () => {
    render(<PrivacySection forgetKeyOnClose={false} historyEnabled={true} onChange={() => {}} />);
    const link = within(screen.getByRole('group', { name: 'Privacy' })).getByRole('link', { name: 'Privacy policy' });
    // The extension's own page (PRIVACY.md), not a web address: it opens offline too.
    expect(link.getAttribute('href')).toBe('/privacy.html');
    expect(link.getAttribute('target')).toBe('_blank');
  });

  it('passes each tick as a change to that choice only', () => {
    const onChange = vi.fn();
    render(<PrivacySection forgetKeyOnClose={false} historyEnabled={true} onChange={onChange} />);
    fireEvent.click(box(FORGET));
    expect(onChange).toHaveBeenLastCalledWith({ forgetKeyOnClose: true });
    fireEvent.click(box(HISTORY));
    expect(onChange).toHaveBeenLastCalledWith({ historyEnabled: false });
  });
});
