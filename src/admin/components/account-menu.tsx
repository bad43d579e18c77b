/**
 * The avatar menu in the top bar, instead of AdminJS's LoggedIn: My profile next to Log out. AdminJS's
 * menu opens on hover only (no keyboard, no touch); this one is a disclosure button — Tab to it,
 * Enter or Space opens it, Escape closes it — and Log out is a POST (nothing changes on a GET).
 */
import { Avatar, Box, SmallText, Title } from '@adminjs/design-system';
import { styled } from '@adminjs/design-system/styled-components';
import React, { useEffect, useId, useRef, useState } from 'react';

interface Session {
  email?: string;
  name?: string;
  title?: string;
}
interface Paths {
  rootPath: string;
  logoutPath: string;
}

const Toggle = styled.button`
  display: flex;
  align-items: center;
  gap: 12px;
  height: 64px;
  padding: 0 24px;
  border: 0;
  background: transparent;
  font: inherit;
  color: inherit;
  cursor: pointer;
  text-align: right;
  &:focus-visible {
    outline: 3px solid #1f4fd8;
    outline-offset: -3px;
  }
  @media (max-width: 600px) {
    padding: 0 12px;
    .account-menu__who {
      display: none;
    }
  }
`;

const Menu = styled.ul`
  position: absolute;
  right: 8px;
  top: 60px;
  z-index: 100;
  min-width: 200px;
  margin: 0;
  padding: 8px 0;
  list-style: none;
  background: #fff;
  border: 1px solid #c0c0ca;
  border-radius: 4px;
  box-shadow: 0 4px 16px rgba(28, 28, 56, 0.12);
`;

const itemStyle = `
  display: block;
  box-sizing: border-box;
  width: 100%;
  padding: 12px 20px;
  border: 0;
  background: transparent;
  font: inherit;
  font-size: 14px;
  color: #1c1c38;
  text-align: left;
  text-decoration: none;
  cursor: pointer;
  &:hover {
    background: #f0f2fa;
  }
  &:focus-visible {
    outline: 3px solid #1f4fd8;
    outline-offset: -3px;
  }
`;
const MenuLink = styled.a`
  ${itemStyle}
`;
const MenuButton = styled.button`
  ${itemStyle}
`;

const AccountMenu: React.FC<{ session?: Session; paths: Paths }> = ({ session, paths }) => {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const container = useRef<HTMLDivElement>(null);

  // A click outside or Escape closes the menu; Escape gives the focus back to its button.
  useEffect(() => {
    if (!open) return undefined;
    const onPointer = (event: MouseEvent) => {
      if (!container.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      container.current?.querySelector('button')?.focus();
    };
    document.addEventListener('mousedown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  if (!session?.email) return null;
  const shown = session.name || session.email;
  return (
    <Box flexShrink={0} position="relative" data-css="logged-in" ref={container}>
      <Toggle
        type="button"
        aria-expanded={open}
        aria-controls={menuId}
        aria-label={`Account menu of ${shown}`}
        onClick={() => setOpen((wasOpen) => !wasOpen)}
      >
        <Box className="account-menu__who">
          <Title>{session.email}</Title>
          {session.title && <SmallText>{session.title}</SmallText>}
        </Box>
        <Avatar aria-hidden="true">{shown.slice(0, 1).toUpperCase()}</Avatar>
      </Toggle>
      <Menu id={menuId} hidden={!open}>
        <li>
          <MenuLink href={`${paths.rootPath}/profile`}>My profile</MenuLink>
        </li>
        <li>
          <form method="post" action={paths.logoutPath}>
            <MenuButton type="submit">Log out</MenuButton>
          </form>
        </li>
      </Menu>
    </Box>
  );
};

export default AccountMenu;
