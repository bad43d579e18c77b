/** The Home's number tiles: each number is a link to the list it counts. */
import React from 'react';
import { Link } from 'react-router-dom';
import { styled } from '@adminjs/design-system/styled-components';
import type { HomeNumber } from '../home/home-body.js';

const Tiles = styled.ul`
  list-style: none;
  margin: 0;
  padding: 0;
  display: grid;
  grid-template-columns: repeat(auto-fill, minmax(170px, 1fr));
  gap: 12px;
`;

const Tile = styled(Link)`
  display: block;
  box-sizing: border-box;
  height: 100%;
  padding: 14px 16px;
  border: 1px solid #d5d9e0;
  border-radius: 6px;
  background: #ffffff;
  color: #0c1e29;
  text-decoration: none;
  &:hover {
    border-color: #1f4fd8;
  }
  &:focus-visible {
    outline: 3px solid #1f4fd8;
    outline-offset: 2px;
  }
`;

const Value = styled.span`
  display: block;
  font-size: 28px;
  font-weight: 500;
  line-height: 1.2;
  color: #1f4fd8;
`;

const Label = styled.span`
  display: block;
  margin-top: 4px;
  font-size: 14px;
  color: #454655;
`;

export const HomeNumbers: React.FC<{ numbers: HomeNumber[]; label: string }> = ({ numbers, label }) => (
  <Tiles aria-label={label}>
    {numbers.map(({ key, label: numberLabel, value, href }) => (
      <li key={key} data-number={key}>
        <Tile to={href}>
          <Value>{value.toLocaleString('en-US')}</Value>
          <Label>{numberLabel}</Label>
        </Tile>
      </li>
    ))}
  </Tiles>
);
