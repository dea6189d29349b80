import { useEffect } from 'react';

const SCROLLERS = '.ant-table-content, .ant-table-body';

/**
 * A table wider than the page scrolls sideways inside its own box; keyboard users can scroll it
 * only if the box takes focus (WCAG 2.1.1, axe `scrollable-region-focusable`). antd gives no prop
 * for it, so the layout makes every such box focusable as tables appear.
 */
export function useFocusableScrollRegions() {
  useEffect(() => {
    let frame = 0;
    const mark = () => {
      frame = 0;
      for (const el of document.querySelectorAll<HTMLElement>(SCROLLERS)) {
        const scrolls = el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight;
        if (scrolls && !el.hasAttribute('tabindex')) el.setAttribute('tabindex', '0');
      }
    };
    const observer = new MutationObserver(() => {
      if (!frame) frame = requestAnimationFrame(mark);
    });
    observer.observe(document.body, { childList: true, subtree: true });
    mark();
    return () => {
      observer.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, []);
}
