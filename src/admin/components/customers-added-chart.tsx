/**
 * Customers added per day over the Home's 90 days: a bar chart drawn by uPlot (bundled with the
 * panel, nothing from another host), each bar opening that day's customers; and the same numbers as
 * a table of links, for keyboards and screen readers (a canvas says nothing to them). AdminJS's
 * bundler takes no CSS, so uPlot's stylesheet is not loaded: the layout rules the chart needs are here.
 */
import React, { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import uPlot from 'uplot';
import { styled } from '@adminjs/design-system/styled-components';
import type { HomeBody } from '../home/home-body.js';

type Day = HomeBody['addedPerDay'][number];

const CHART_HEIGHT = 220;
const BAR_COLOR = '#1f4fd8';
const TEXT_COLOR = '#454655';

// The dates are the browser's local ones already (YYYY-MM-DD): formatted as UTC, they stay that day.
const shortDayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const longDayFormat = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const shortDate = (date: string) => shortDayFormat.format(new Date(`${date}T00:00:00Z`));
const longDate = (date: string) => longDayFormat.format(new Date(`${date}T00:00:00Z`));
const customers = (count: number) => `${count.toLocaleString('en-US')} customer${count === 1 ? '' : 's'}`;

const ChartArea = styled.div`
  position: relative;
  width: 100%;
  min-height: ${CHART_HEIGHT}px;
  .uplot {
    font-family: inherit;
    line-height: 1.5;
  }
  .uplot * {
    box-sizing: border-box;
  }
  .u-wrap {
    position: relative;
    user-select: none;
  }
  .u-over,
  .u-under,
  .u-axis,
  .u-cursor-x {
    position: absolute;
  }
  .u-under {
    overflow: hidden;
  }
  .u-over {
    cursor: pointer;
  }
  .uplot canvas {
    display: block;
    position: relative;
    width: 100%;
    height: 100%;
  }
  .u-cursor-x {
    left: 0;
    top: 0;
    height: 100%;
    pointer-events: none;
    border-right: 1px dashed ${TEXT_COLOR};
  }
  .u-off,
  .u-select,
  .u-cursor-y {
    display: none;
  }
`;

const Readout = styled.p`
  margin: 4px 0 0 0;
  min-height: 1.5em;
  color: ${TEXT_COLOR};
  font-size: 14px;
`;

const Summary = styled.summary`
  cursor: pointer;
  color: #1f4fd8;
  margin-top: 8px;
  &:focus-visible {
    outline: 3px solid #1f4fd8;
    outline-offset: 2px;
  }
`;

const NumbersTable = styled.table`
  border-collapse: collapse;
  margin-top: 8px;
  font-size: 14px;
  th {
    text-align: left;
    font-weight: 400;
    padding: 2px 24px 2px 0;
  }
  thead th {
    font-weight: 500;
  }
  td {
    text-align: right;
    padding: 2px 0;
  }
  a {
    color: #1f4fd8;
  }
`;

/** Ticks on today and every 14th day before it, so that the last label is today's. */
function tickIndexes(count: number): number[] {
  const ticks: number[] = [];
  for (let index = count - 1; index >= 0; index -= 14) ticks.unshift(index);
  return ticks;
}

export const CustomersAddedChart: React.FC<{ days: Day[] }> = ({ days }) => {
  const area = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();
  const [hovered, setHovered] = useState<number | null>(null);
  const total = days.reduce((sum, day) => sum + day.added, 0);
  const busiest = days.reduce<Day | undefined>(
    (best, day) => (best && best.added >= day.added ? best : day),
    undefined,
  );

  useEffect(() => {
    const element = area.current;
    if (!element || days.length === 0) return undefined;
    const plot = new uPlot(
      {
        width: element.clientWidth,
        height: CHART_HEIGHT,
        legend: { show: false },
        cursor: { drag: { x: false, y: false }, points: { show: false }, y: false },
        scales: {
          x: { time: false, range: () => [-0.5, days.length - 0.5] },
          y: { range: (_plot, _min, max) => [0, Math.max(4, Math.ceil(max * 1.1))] },
        },
        axes: [
          {
            stroke: TEXT_COLOR,
            grid: { show: false },
            splits: () => tickIndexes(days.length),
            values: (_plot, ticks) => ticks.map((tick) => (days[tick] ? shortDate(days[tick].date) : '')),
          },
          {
            stroke: TEXT_COLOR,
            grid: { stroke: '#e6e8ec' },
            values: (_plot, ticks) => ticks.map((tick) => (Number.isInteger(tick) ? tick.toLocaleString('en-US') : '')),
          },
        ],
        series: [
          {},
          {
            label: 'Customers added',
            fill: BAR_COLOR,
            stroke: BAR_COLOR,
            paths: uPlot.paths.bars!({ size: [0.7, 24] }),
            points: { show: false },
          },
        ],
        hooks: { setCursor: [(chart) => setHovered(chart.cursor.idx ?? null)] },
      },
      [days.map((_, index) => index), days.map((day) => day.added)],
      element,
    );
    const openDay = () => {
      const index = plot.cursor.idx;
      const day = index === null || index === undefined ? undefined : days[index];
      if (day) navigate(day.href);
    };
    plot.over.addEventListener('click', openDay);
    const resize = new ResizeObserver(() => plot.setSize({ width: element.clientWidth, height: CHART_HEIGHT }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.over.removeEventListener('click', openDay);
      plot.destroy();
    };
  }, [days, navigate]);

  const shown = hovered === null ? undefined : days[hovered];
  const summary =
    `${customers(total)} added in the last ${days.length} days` +
    (busiest && busiest.added > 0 ? `, most on ${longDate(busiest.date)} (${busiest.added}).` : '.');
  return (
    <div>
      <ChartArea ref={area} role="img" aria-label={`Bar chart: ${summary}`} data-testid="customers-added-chart" />
      <Readout aria-hidden="true">
        {shown ? `${longDate(shown.date)}: ${customers(shown.added)} — click to list them` : summary}
      </Readout>
      <details>
        <Summary>Show the numbers</Summary>
        <NumbersTable aria-label="Customers added per day">
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Customers added</th>
            </tr>
          </thead>
          <tbody>
            {[...days].reverse().map((day) => (
              <tr key={day.date}>
                <th scope="row">{longDate(day.date)}</th>
                <td>
                  <Link to={day.href} aria-label={`${customers(day.added)} added on ${longDate(day.date)}`}>
                    {day.added.toLocaleString('en-US')}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </NumbersTable>
      </details>
    </div>
  );
};
