/**
 * Names for the controls AdminJS's lists leave unnamed, added after render (AdminJS builds them
 * without a way to pass labels): each row's checkbox and actions menu, the select-all box, the
 * page arrows, the filter drawer's close button (an X) and its inputs (labels without `for`), so
 * a screen reader says what each does. Shared by the customer list and every other list
 * (panel-list.tsx); docs/decisions/025-panel-screens.md.
 */

const PAGE_BUTTONS = { first: 'First page', previous: 'Previous page', next: 'Next page', last: 'Last page' };

/** Names the table's and pager's controls under `root`; `rowName` names a row (its record) by id. */
export function nameListControls(
  root: HTMLElement | null,
  rowsLabel: string,
  rowName: (row: HTMLTableRowElement) => string | undefined,
): void {
  if (!root) return;
  root.querySelectorAll<HTMLTableRowElement>('tr[data-id]').forEach((row) => {
    const name = rowName(row) || `#${row.dataset.id ?? ''}`;
    row.querySelector('input[type="checkbox"]')?.setAttribute('aria-label', `Select ${name}`);
    row.querySelectorAll('button').forEach((button) => {
      if (!button.textContent?.trim()) button.setAttribute('aria-label', `Actions for ${name}`);
    });
    row.querySelectorAll<HTMLElement>('[data-testid="actions-dropdown"]').forEach((trigger) => {
      trigger.setAttribute('aria-label', `Actions for ${name}`);
      openByKeyboard(trigger);
    });
  });
  root
    .querySelector('thead input[type="checkbox"]')
    ?.setAttribute('aria-label', `Select all ${rowsLabel} on this page`);
  for (const [testId, label] of Object.entries(PAGE_BUTTONS))
    root.querySelector(`[data-testid="${testId}"]`)?.setAttribute('aria-label', label);
}

/**
 * A row's actions menu opens on mouse hover only, from an <a> without href (not reachable by Tab).
 * It becomes a focusable button; while focus is on it or in the menu, the menu shows (panel.css),
 * and Enter or Space moves focus to the menu's first item.
 */
function openByKeyboard(trigger: HTMLElement): void {
  if (trigger.getAttribute('role') === 'button') return;
  trigger.setAttribute('role', 'button');
  trigger.setAttribute('aria-haspopup', 'true');
  trigger.tabIndex = 0;
  trigger.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    trigger.parentElement
      ?.querySelector<HTMLElement>('.adminjs_DropDownMenu a[href], .adminjs_DropDownMenu button')
      ?.focus();
  });
}

let labelIds = 0;

/** The label shown before `input` inside its nearest ancestor that has one (AdminJS's FormGroup). */
function visibleLabelOf(input: Element, drawer: Element): HTMLLabelElement | undefined {
  for (let box = input.parentElement; box && box !== drawer.parentElement; box = box.parentElement) {
    const before = Array.from(box.querySelectorAll('label')).filter(
      (label) => label.compareDocumentPosition(input) & Node.DOCUMENT_POSITION_FOLLOWING,
    );
    if (before.length) return before[before.length - 1];
  }
  return undefined;
}

/**
 * The filter drawer of `resourceId`: its close button named, and each input (react-select's, the
 * date pickers', text boxes) labelled by the visible label before it (aria-labelledby), unless it
 * already has a name.
 */
export function nameFilterDrawer(resourceId: string): void {
  const drawer = document.querySelector(`[data-css="${resourceId}-filter-drawer"]`);
  if (!drawer) return;
  drawer.querySelectorAll('button').forEach((button) => {
    if (!button.textContent?.trim() && !button.hasAttribute('aria-label'))
      button.setAttribute('aria-label', 'Close filters');
  });
  drawer.querySelectorAll('input:not([type="hidden"])').forEach((input) => {
    if (input.hasAttribute('aria-label') || input.hasAttribute('aria-labelledby')) return;
    if (input.id && drawer.querySelector(`label[for="${CSS.escape(input.id)}"]`)) return;
    const label = visibleLabelOf(input, drawer);
    if (!label) return;
    if (!label.id) label.id = `filter-label-${(labelIds += 1)}`;
    input.setAttribute('aria-labelledby', label.id);
  });
}

/**
 * A closed filter drawer is only slid off screen by AdminJS: its controls stay in the Tab order
 * and in screen readers' reach. Closed, it is inert and hidden (after the slide-out animation).
 */
export function hideClosedFilterDrawer(resourceId: string, open: boolean): void {
  const drawer = document.querySelector<HTMLElement>(`[data-css="${resourceId}-filter-drawer"]`);
  if (!drawer) return;
  drawer.inert = !open;
  drawer.style.visibility = open ? 'visible' : 'hidden';
  drawer.style.transition = open ? 'transform 0.25s ease-in-out' : 'transform 0.25s ease-in-out, visibility 0s 0.25s';
}
