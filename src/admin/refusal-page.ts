/**
 * A refused panel page (403, 404) shown inside the panel: AdminJS's own page (sidebar, top bar) with
 * the refusal handed to the browser as PANEL_REFUSAL, which the route components read
 * (components/panel-refusal.tsx) to show the message and the way back instead of the screen.
 * Sent with the refusal's status, so a script or a test still reads 403 or 404.
 */
import { AppController, type CurrentAdmin } from 'adminjs';
import type AdminJS from 'adminjs';
import type { Request, Response } from 'express';
import { scriptSafeJson } from './inline-state.js';
import type { Refusal } from './refusal.js';

/** What the browser gets: the refusal, and the path it answers (other pages render as usual). */
export interface PanelRefusal {
  status: number;
  message: string;
  path: string;
  back?: { href: string; label: string };
}

export async function sendRefusalPage(admin: AdminJS, req: Request, res: Response, refusal: Refusal): Promise<void> {
  const currentAdmin = req.session.adminUser as CurrentAdmin | undefined;
  const page = await new AppController({ admin }, currentAdmin).index();
  const state: PanelRefusal = {
    status: refusal.status,
    message: refusal.message,
    path: req.originalUrl.split('?')[0]!,
    back: refusal.back,
  };
  // An inline script opening with `<script>` and a line break gets the page's CSP nonce (security-headers.ts).
  const script = `<script>\nwindow.PANEL_REFUSAL = ${scriptSafeJson(JSON.stringify(state))};\n</script>`;
  res
    .status(refusal.status)
    .type('html')
    .send(page.replace('<head>', `<head>${script}`));
}
