/**
 * The Home (AdminJS's dashboard): the first page after signing in, for every role. Its data comes
 * from the dashboard handler (src/admin/home/home-handler.ts), asked for in the browser's time
 * zone — what "today" means to the person reading it.
 */
import React, { useEffect, useState } from 'react';
import { ApiClient, useCurrentAdmin } from 'adminjs';
import { Link } from 'react-router-dom';
import { styled } from '@adminjs/design-system/styled-components';
import type { HomeBody } from '../home/home-body.js';
import { CustomersAddedChart } from './customers-added-chart.tsx';
import { HomeNumbers } from './home-numbers.tsx';
import { RecentActions } from './recent-actions.tsx';

const Page = styled.main`
  padding: 24px 32px 48px;
  max-width: 1400px;
  color: #0c1e29;
  h1 {
    font-size: 24px;
    font-weight: 500;
    margin: 0 0 4px 0;
  }
  h2 {
    font-size: 18px;
    font-weight: 500;
    margin: 0 0 12px 0;
  }
  @media (max-width: 600px) {
    padding: 16px 12px 32px;
  }
`;

const Intro = styled.p`
  margin: 0 0 20px 0;
  color: #454655;
`;

const Section = styled.section`
  margin-bottom: 24px;
`;

const Columns = styled.div`
  display: grid;
  grid-template-columns: minmax(0, 2fr) minmax(0, 1fr);
  gap: 24px;
  margin-bottom: 24px;
  @media (max-width: 1000px) {
    grid-template-columns: minmax(0, 1fr);
  }
`;

const EvenColumns = styled(Columns)`
  grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
`;

const Card = styled.section`
  background: #ffffff;
  border: 1px solid #d5d9e0;
  border-radius: 6px;
  padding: 16px 20px;
  min-width: 0;
`;

const LinkList = styled.ul`
  list-style: none;
  margin: 16px 0 0 0;
  padding: 0;
  li {
    margin: 8px 0;
  }
  a {
    color: #1f4fd8;
    font-weight: 500;
  }
  a:focus-visible {
    outline: 3px solid #1f4fd8;
    outline-offset: 2px;
  }
`;

const SearchForm = styled.form`
  display: flex;
  gap: 8px;
  flex-wrap: wrap;
  align-items: flex-end;
  label {
    display: block;
    width: 100%;
    font-size: 14px;
    color: #454655;
  }
  input {
    flex: 1 1 180px;
    min-width: 0;
    height: 36px;
    padding: 0 10px;
    border: 1px solid #898a9a;
    border-radius: 4px;
    font: inherit;
  }
  button {
    height: 36px;
    padding: 0 16px;
    border: none;
    border-radius: 4px;
    background: #1f4fd8;
    color: #ffffff;
    font: inherit;
    cursor: pointer;
  }
  input:focus-visible,
  button:focus-visible {
    outline: 3px solid #1f4fd8;
    outline-offset: 2px;
  }
`;

function useHomeBody(): { body?: HomeBody; failed: boolean } {
  const [state, setState] = useState<{ body?: HomeBody; failed: boolean }>({ failed: false });
  useEffect(() => {
    let current = true;
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    new ApiClient()
      .getDashboard<HomeBody>({ params: { timeZone } })
      .then((response) => current && setState({ body: response.data, failed: false }))
      .catch(() => current && setState({ failed: true }));
    return () => {
      current = false;
    };
  }, []);
  return state;
}

const Home: React.FC = () => {
  const [currentAdmin] = useCurrentAdmin();
  const { body, failed } = useHomeBody();
  const name = typeof currentAdmin?.name === 'string' ? currentAdmin.name : undefined;
  return (
    <Page data-testid="home">
      <h1>Home</h1>
      <Intro>
        {name ? `Signed in as ${name}. ` : ''}
        {body ? `Days are counted in your time zone, ${body.timeZone}.` : ''}
      </Intro>
      {failed ? <p role="alert">The Home could not be loaded. Reload the page to try again.</p> : null}
      {!body && !failed ? <p aria-live="polite">Loading…</p> : null}
      {body ? (
        <>
          <Section aria-labelledby="home-customers">
            <h2 id="home-customers">Customers</h2>
            <HomeNumbers numbers={body.customerNumbers} label="Customer numbers" />
          </Section>
          {body.accessNumbers ? (
            <Section aria-labelledby="home-access">
              <h2 id="home-access">Staff and sign-ins</h2>
              <HomeNumbers numbers={body.accessNumbers} label="Staff and sign-in numbers" />
            </Section>
          ) : null}
          <Columns>
            <Card aria-labelledby="home-chart">
              <h2 id="home-chart">Customers added per day</h2>
              <CustomersAddedChart days={body.addedPerDay} />
            </Card>
            <Card aria-labelledby="home-links">
              <h2 id="home-links">Quick links</h2>
              <SearchForm action={body.customerListHref} method="get" role="search">
                <label htmlFor="home-search">Find a customer by name, email or phone</label>
                <input id="home-search" name="filters.search" type="search" autoComplete="off" />
                <button type="submit">Search</button>
              </SearchForm>
              <LinkList>
                {body.quickLinks.map((link) => (
                  <li key={link.key} data-link={link.key}>
                    <Link to={link.href}>{link.label}</Link>
                  </li>
                ))}
              </LinkList>
            </Card>
          </Columns>
          <EvenColumns>
            <Card aria-labelledby="home-mine">
              <h2 id="home-mine">My recent actions</h2>
              <RecentActions
                actions={body.myActions}
                showActor={false}
                label="My recent actions"
                emptyText="Nothing yet: the records you add or change will be listed here."
              />
            </Card>
            {body.teamActions ? (
              <Card aria-labelledby="home-team">
                <h2 id="home-team">Team’s recent actions</h2>
                <RecentActions
                  actions={body.teamActions}
                  showActor
                  label="Team’s recent actions"
                  emptyText="No changes yet."
                />
              </Card>
            ) : null}
          </EvenColumns>
        </>
      ) : null}
    </Page>
  );
};

export default Home;
