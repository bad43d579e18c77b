/**
 * The sidebar's resource groups (AdminJS's SidebarResourceSection, overridden): a group heading
 * ("Accounts") is an <a> without href that opens on click only, so Tab skipped it. It becomes a
 * focusable button that says whether it is open, and Enter or Space opens or closes it.
 */
import React, { useEffect, useRef } from 'react';

type Props = Record<string, unknown> & { OriginalComponent?: React.ComponentType<Record<string, unknown>> };

/** Makes each group heading under `root` a keyboard button (once), its open state re-read after each render. */
function groupsAsButtons(root: HTMLElement | null): void {
  root?.querySelectorAll<HTMLAnchorElement>('a:not([href])').forEach((heading) => {
    const open = heading.parentElement?.querySelector('ul, ol, a[href]') !== null;
    heading.setAttribute('aria-expanded', String(open));
    if (heading.getAttribute('role') === 'button') return;
    heading.setAttribute('role', 'button');
    heading.tabIndex = 0;
    heading.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      heading.click();
    });
  });
}

const SidebarSections: React.FC<Props> = ({ OriginalComponent, ...props }) => {
  const area = useRef<HTMLDivElement>(null);
  useEffect(() => {
    groupsAsButtons(area.current);
    // Opening a group adds its links: the state is read again then.
    const observer = new MutationObserver(() => groupsAsButtons(area.current));
    if (area.current) observer.observe(area.current, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);
  return <div ref={area}>{OriginalComponent ? <OriginalComponent {...props} /> : null}</div>;
};

export default SidebarSections;
