/**
 * AdminJS's own list (the staff list, the audit log: every list but the customers', which has its
 * own screen), overridden only to name the controls AdminJS leaves unnamed (accessible-names.ts):
 * rows are named by their title column; names are re-applied whenever the table or the filter
 * drawer re-renders (new page, sort, filter); the closed filter drawer is hidden.
 */
import React, { useEffect, useRef } from 'react';
import { useFilterDrawer, type ActionProps } from 'adminjs';
import { hideClosedFilterDrawer, nameFilterDrawer, nameListControls } from './accessible-names.ts';

type Props = ActionProps & { OriginalComponent?: React.ComponentType<ActionProps> };

const PanelList: React.FC<Props> = ({ OriginalComponent, ...props }) => {
  const area = useRef<HTMLDivElement>(null);
  const { resource } = props;
  useEffect(() => {
    const titleCell = `td[data-property-name="${resource.titleProperty?.propertyPath ?? ''}"]`;
    const rowsLabel = resource.name.toLowerCase();
    const name = () => {
      nameListControls(area.current, rowsLabel, (row) => row.querySelector(titleCell)?.textContent?.trim());
      nameFilterDrawer(resource.id);
    };
    name();
    // Only added or removed elements are watched, so setting attributes does not call this again.
    const observer = new MutationObserver(name);
    const content = document.querySelector('[data-css="app-content"]');
    if (content) observer.observe(content, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [resource]);
  const { isVisible } = useFilterDrawer() as { isVisible: boolean };
  useEffect(() => hideClosedFilterDrawer(resource.id, isVisible), [resource.id, isVisible]);
  return <div ref={area}>{OriginalComponent ? <OriginalComponent {...props} /> : null}</div>;
};

export default PanelList;
