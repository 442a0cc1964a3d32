import { render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import policy from '@/PRIVACY.md?raw';
import { MarkdownDocument } from './MarkdownDocument';

const SAMPLE = `# Title

A paragraph with **bold**, *stress*, \`code <b>\` and [a site](https://example.com/policy).

## Lists

- first **item**
- second

1. one
2. two

| What | Where |
| ---- | ----- |
| \`key\` | Extension storage |

<img src="x" onerror="alert(1)">

A [script link](javascript:alert(1)) and a [relative one](CHANGELOG.md).
`;

describe('MarkdownDocument', () => {
  it('draws headings, paragraphs, lists, tables, code and emphasis as elements', () => {
    const { container } = render(<MarkdownDocument source={SAMPLE} />);
    expect(screen.getByRole('heading', { level: 1, name: 'Title' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Lists' })).toBeTruthy();
    expect(container.querySelector('strong')?.textContent).toBe('bold');
    expect(container.querySelector('em')?.textContent).toBe('stress');
    expect(container.querySelector('p code')?.textContent).toBe('code <b>');
    const [bullets, numbers] = screen.getAllByRole('list') as [HTMLElement, HTMLElement];
    expect(
      within(bullets)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['first item', 'second']);
    expect(numbers.tagName).toBe('OL');
    expect(screen.getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['What', 'Where']);
    expect(screen.getAllByRole('cell').map((td) => td.textContent)).toEqual(['key', 'Extension storage']);
  });

  it('opens https links in a new tab and leaves other links as plain text', () => {
    render(<MarkdownDocument source={SAMPLE} />);
    const links = screen.getAllByRole('link');
    expect(links).toHaveLength(1);
    const [link] = links as [HTMLElement];
    expect(link.textContent).toBe('a site');
    expect(link.getAttribute('href')).toBe('https://example.com/policy');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(screen.getByText(/A script link and a relative one\./)).toBeTruthy();
  });

  it('shows raw HTML in the source as text, never as markup', () => {
    const { container } = render(<MarkdownDocument source={SAMPLE} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<img src="x" onerror="alert(1)">');
  });
});

describe('PRIVACY.md as the extension shows it', () => {
  it('has every section as a heading and no Markdown left over in its text', () => {
    const { container } = render(<MarkdownDocument source={policy} />);
    expect(screen.getByRole('heading', { level: 1, name: 'Privacy policy' })).toBeTruthy();
    const sections = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(sections).toEqual([
      'In short',
      'What is sent, and to whom',
      'What is read from web pages',
      'What is stored in your browser, and for how long',
      'How to delete it',
      'Permissions',
      'Questions',
    ]);
    expect(screen.getAllByRole('table')).toHaveLength(2);
    const text = container.textContent ?? '';
    expect(text).not.toMatch(/\*\*|`|\|\s*-{3}|^#/m);
    expect(text).toContain('No analytics, no tracking, no third parties.');
  });
});
