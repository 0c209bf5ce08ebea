import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { RichText } from '../../widget/ui/RichText';

afterEach(cleanup);

describe('RichText', () => {
  describe('with paragraphs, lists and emphasis', () => {
    it('builds p, ul/li, strong and em elements', () => {
      const { container } = render(<RichText text={'First **bold** and *soft*.\n\n- one\n- two'} />);
      expect(container.querySelectorAll('p')).toHaveLength(1);
      expect([...container.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['one', 'two']);
      expect(container.querySelector('strong')?.textContent).toBe('bold');
      expect(container.querySelector('em')?.textContent).toBe('soft');
    });
  });

  describe('with links', () => {
    it('links https in a new tab without an opener', () => {
      const { container } = render(<RichText text="See [the page](https://example.com/kap)." />);
      const link = container.querySelector('a')!;
      expect(link.getAttribute('href')).toBe('https://example.com/kap');
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    });

    it('links tel: in place', () => {
      const { container } = render(<RichText text="[Call 988](tel:988)" />);
      const link = container.querySelector('a')!;
      expect(link.getAttribute('href')).toBe('tel:988');
      expect(link.hasAttribute('target')).toBe(false);
    });

    it.each(['javascript:alert(1)', 'data:text/html,x', 'http://example.com', 'vbscript:x', '//evil.example'])(
      'keeps the label of a %s link as text',
      (href) => {
        const { container } = render(<RichText text={`[click me](${href})`} />);
        expect(container.querySelector('a')).toBeNull();
        expect(container.textContent).toContain('click me');
      },
    );
  });

  describe('with markup in the text', () => {
    it('shows it as text and creates no element', () => {
      const { container } = render(<RichText text={'<img src=x onerror=alert(1)> <script>alert(1)</script>'} />);
      expect(container.querySelector('img, script')).toBeNull();
      expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
    });
  });
});
