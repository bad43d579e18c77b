/**
 * The panel's toasts (AdminJS's NoticeBox, overridden): a notice whose options carry a record link
 * (`recordUrl`, `recordName`, set by the customer screens' after hooks) links to that record, so
 * "Saved Jürgen Müller." leads back to Jürgen Müller; a notice stays until closed or until the
 * clerk goes to another page (AdminJS keeps notices in its store across pages and drops them after
 * three seconds, too soon to read or reach a link: WCAG 2.2.1). Fits a 390 px phone.
 */
import React, { useEffect, useRef } from 'react';
import { MessageBox } from '@adminjs/design-system';
import { styled } from '@adminjs/design-system/styled-components';
import { useTranslation, type NoticeMessageInState, type ReduxState } from 'adminjs';
import { useDispatch, useSelector } from 'react-redux';
import { useLocation } from 'react-router';
import { Link } from 'react-router-dom';

const Toasts = styled.div`
  display: flex;
  flex-direction: column;
  gap: 4px;
  padding: 4px;
  max-width: min(640px, 100vw);
  a {
    color: inherit;
    font-weight: 600;
    text-decoration: underline;
  }
  a:focus-visible {
    outline: 3px solid #1f4fd8;
    outline-offset: 2px;
  }
`;

/** AdminJS's own drop-notice action (its `dropNotice` creator is not in the browser's AdminJS global). */
const dropNotice = (noticeId: string) => ({ type: 'DROP_NOTICE', data: { noticeId } });

interface RecordLink {
  recordUrl?: string;
  recordName?: string;
}

const NoticeBox: React.FC = () => {
  const notices = useSelector((state: ReduxState) => state.notices);
  const dispatch = useDispatch();
  const { tm } = useTranslation();
  const { pathname } = useLocation();
  // Notices on screen when the clerk last clicked or typed: the next page change (theirs) drops them.
  // A notice that arrives with a redirect (Saved…, then the list) was not there yet, and stays.
  const seenBeforeAction = useRef(new Set<string>());
  const onScreen = useRef(notices);
  useEffect(() => {
    onScreen.current = notices;
  }, [notices]);
  useEffect(() => {
    const note = () => onScreen.current.forEach((notice) => seenBeforeAction.current.add(notice.id));
    // Back and Forward are never an action's redirect: whatever is shown goes.
    const dropAll = () => onScreen.current.forEach((notice) => dispatch(dropNotice(notice.id)));
    document.addEventListener('pointerdown', note, true);
    document.addEventListener('keydown', note, true);
    window.addEventListener('popstate', dropAll);
    return () => {
      document.removeEventListener('pointerdown', note, true);
      document.removeEventListener('keydown', note, true);
      window.removeEventListener('popstate', dropAll);
    };
  }, [dispatch]);
  useEffect(() => {
    for (const id of seenBeforeAction.current) dispatch(dropNotice(id));
    seenBeforeAction.current.clear();
  }, [pathname, dispatch]);

  if (!notices.length) return null;
  return (
    <Toasts data-testid="notice-wrapper" data-css="notice-wrapper">
      {notices.map((notice: NoticeMessageInState) => {
        const { recordUrl, recordName } = (notice.options ?? {}) as RecordLink;
        return (
          <MessageBox
            key={notice.id}
            role={notice.type === 'error' ? 'alert' : 'status'}
            message={tm(notice.message, notice.resourceId, notice.options)}
            variant={notice.type === 'error' ? 'danger' : notice.type === 'success' ? 'success' : 'info'}
            onCloseClick={() => dispatch(dropNotice(notice.id))}
          >
            {recordUrl ? <Link to={recordUrl}>Open {recordName ?? 'the record'}</Link> : null}
            {notice.body}
          </MessageBox>
        );
      })}
    </Toasts>
  );
};

export default NoticeBox;
