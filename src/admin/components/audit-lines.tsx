/**
 * How the panel shows audit entries, the same on a record's History and the Home's Recent actions:
 * "10:55 · Ann Clerk · Email: ada@old.example → ada@new.example", a line per sentence the server
 * wrote (src/domain/audit/audit-sentences.ts). Times are in the browser's time zone, like the days
 * the Home counts.
 */
import React from 'react';
import { styled } from '@adminjs/design-system/styled-components';

export interface AuditLineEntry {
  id: number;
  /** ISO 8601. */
  at: string;
  actorName: string;
  sentences: string[];
  details: string[];
}

const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
const dayFormat = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});
const shortDayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });
const dayKeyFormat = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' });

/** "10:55" */
export const formatTime = (iso: string) => timeFormat.format(new Date(iso));
/** "Mon, 7 Dec 2026" */
export const formatDay = (iso: string) => dayFormat.format(new Date(iso));
/** The browser-local calendar day of an instant, "2026-12-07". */
const localDay = (iso: string) => dayKeyFormat.format(new Date(iso));

/** "10:55" today, "5 Dec, 10:55" on another day. */
export function formatWhen(iso: string): string {
  const time = formatTime(iso);
  return localDay(iso) === localDay(new Date().toISOString())
    ? time
    : `${shortDayFormat.format(new Date(iso))}, ${time}`;
}

const Line = styled.li`
  padding: 2px 0;
  line-height: 1.5;
  color: #0c1e29;
`;

const Muted = styled.span`
  color: #454655;
`;

const Details = styled.ul`
  list-style: none;
  margin: 0 0 4px 0;
  padding: 0 0 0 16px;
  color: #454655;
  font-size: 13px;
`;

/**
 * One entry inside a list: a line per sentence, "time · author · sentence", then its details
 * indented (unless `withDetails` is false). `withDate`: entries not grouped under a day heading say
 * their day ("5 Dec, 10:55").
 */
export const AuditEntryLines: React.FC<{
  entry: AuditLineEntry;
  showActor?: boolean;
  withDate?: boolean;
  withDetails?: boolean;
}> = ({ entry, showActor = true, withDate = false, withDetails = true }) => {
  const prefix = (
    <>
      <time dateTime={entry.at} title={`${formatDay(entry.at)}, ${formatTime(entry.at)}`}>
        {withDate ? formatWhen(entry.at) : formatTime(entry.at)}
      </time>
      {showActor ? <Muted> · {entry.actorName}</Muted> : null}
      <Muted> · </Muted>
    </>
  );
  return (
    <>
      {entry.sentences.map((sentence, index) => (
        <Line key={index}>
          {prefix}
          {sentence}
        </Line>
      ))}
      {withDetails && entry.details.length > 0 ? (
        <Line>
          <Details>
            {entry.details.map((detail, index) => (
              <li key={index}>{detail}</li>
            ))}
          </Details>
        </Line>
      ) : null}
    </>
  );
};

const Lines = styled.ul`
  list-style: none;
  margin: 0;
  padding: 0;
`;

const DayHeading = styled.h3`
  margin: 16px 0 4px 0;
  font-size: 14px;
  font-weight: 500;
  color: #0c1e29;
`;

/** Entries (newest first) under a heading per browser-local day, as a History reads. */
export const AuditEntriesByDay: React.FC<{ entries: AuditLineEntry[] }> = ({ entries }) => {
  const days: Array<{ day: string; entries: AuditLineEntry[] }> = [];
  for (const entry of entries) {
    const day = localDay(entry.at);
    const last = days[days.length - 1];
    if (last?.day === day) last.entries.push(entry);
    else days.push({ day, entries: [entry] });
  }
  return (
    <>
      {days.map(({ day, entries: ofDay }) => (
        <section key={day} aria-label={formatDay(ofDay[0]!.at)}>
          <DayHeading>{formatDay(ofDay[0]!.at)}</DayHeading>
          <Lines>
            {ofDay.map((entry) => (
              <AuditEntryLines key={entry.id} entry={entry} />
            ))}
          </Lines>
        </section>
      ))}
    </>
  );
};
