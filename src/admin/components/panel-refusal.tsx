/**
 * A refused page inside the panel (AdminJS's route components, overridden): when the server refused
 * this very path (PANEL_REFUSAL, written into the page by src/admin/refusal-page.ts), the screen
 * says why and offers the way back; every other path renders AdminJS's own route as usual. Either
 * is the page's one <Main> landmark (AdminJS's layout has none).
 */
import React from 'react';
import { Box } from '@adminjs/design-system';
import { styled } from '@adminjs/design-system/styled-components';
import { useLocation } from 'react-router';
import { Link } from 'react-router-dom';
import type { PanelRefusal } from '../refusal-page.js';

const Panel = styled(Box)`
  color: #0c1e29;
  h1 {
    font-size: 24px;
    font-weight: 500;
    margin: 0 0 12px 0;
  }
  p {
    font-size: 15px;
    margin: 0 0 16px 0;
  }
  a {
    color: #1f4fd8;
    font-size: 15px;
  }
  a:focus-visible {
    outline: 3px solid #1f4fd8;
    outline-offset: 2px;
  }
`;

/** Takes the place of the route in AdminJS's column layout, so the page lays out as before. */
const Main = styled.main`
  display: flex;
  flex-direction: column;
  flex-grow: 1;
`;

const refusal = (window as unknown as { PANEL_REFUSAL?: PanelRefusal }).PANEL_REFUSAL;

type Props = Record<string, unknown> & { OriginalComponent?: React.ComponentType<Record<string, unknown>> };

const PanelRefusalRoute: React.FC<Props> = ({ OriginalComponent, ...props }) => {
  const { pathname } = useLocation();
  if (refusal && refusal.path === pathname) {
    return (
      <Main>
        <Panel variant="container" as="section" mt="xl" mx={['default', 'xxl']} data-testid="panel-refusal">
          <h1>{refusal.status === 404 ? 'Page not found' : 'Not allowed'}</h1>
          <p>{refusal.message}</p>
          {refusal.back ? <Link to={refusal.back.href}>{refusal.back.label}</Link> : null}
        </Panel>
      </Main>
    );
  }
  return <Main>{OriginalComponent ? <OriginalComponent {...props} /> : null}</Main>;
};

export default PanelRefusalRoute;
