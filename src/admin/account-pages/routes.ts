/**
 * Forgot password, reset password, accept invitation (public, reached from mails and the login
 * page) and My profile (signed in). Thin: every rule is in domain/accounts.
 */
import express, { type Request, type Response, type Router } from 'express';
import { INVALID_LINK_MESSAGE, type LinkPurpose } from '../../domain/accounts/one-time-links.js';
import { PASSWORD_MIN_LENGTH } from '../../domain/accounts/passwords.js';
import { FieldValidationError } from '../../domain/errors.js';
import type { Services } from '../../domain/services.js';
import { asyncRoute } from '../../http/async-route.js';
import { sessionAdminOf } from '../current-admin.js';
import { ADMIN_ROOT } from '../paths.js';
import { escapeHtml } from '../../http/escape-html.js';
import { form, page } from './page.js';
import { FORGOT_PASSWORD_PATH, LOGIN_PATH, signInForm } from './sign-in-page.js';

export const PROFILE_PATH = `${ADMIN_ROOT}/profile`;
const SIGN_IN_LINK = `<a class="back" href="${LOGIN_PATH}">Back to sign-in</a>`;
const parseForm = express.urlencoded({ extended: false, limit: '10kb' });
const text = (value: unknown) => (typeof value === 'string' ? value : '');
/** A form field as typed: the urlencoded parser gives strings; anything else reads as empty. */
const field = (req: Request, name: string): string => text((req.body as Record<string, unknown> | undefined)?.[name]);

const newPasswordFields = [
  {
    name: 'password',
    label: 'New password',
    type: 'password',
    autocomplete: 'new-password',
    hint: `At least ${PASSWORD_MIN_LENGTH} characters, not your email, not a common password.`,
  },
  { name: 'confirmation', label: 'New password again', type: 'password', autocomplete: 'new-password' },
] as const;

function errorsOf(error: unknown): Record<string, string> {
  if (error instanceof FieldValidationError) return { ...error.fieldErrors };
  throw error;
}

export function publicAccountRoutes(services: Services, log: (message: string, error: unknown) => void): Router {
  const router = express.Router();

  router.get('/forgot-password', (_req, res) => {
    res.type('html').send(
      page(
        'Forgot your password?',
        `<h1>Forgot your password?</h1><p>Enter the email you sign in with; we will send you a link to choose a new password.</p>
        ${form({ action: FORGOT_PASSWORD_PATH, submit: 'Send the link', fields: [{ name: 'email', label: 'Email', type: 'email', autocomplete: 'email' }] })}${SIGN_IN_LINK}`,
      ),
    );
  });

  router.post(
    '/forgot-password',
    parseForm,
    asyncRoute(async (req, res) => {
      try {
        await services.links.requestPasswordReset(field(req, 'email'));
      } catch (error) {
        // The answer stays the same whatever happened, or it would tell who has an account.
        log('password reset request failed', error);
      }
      res
        .type('html')
        .send(
          page(
            'Check your mail',
            `<h1>Check your mail</h1><p class="notice">If an active account uses this email, a link to choose a new password is on its way. It works once, for one hour.</p>${SIGN_IN_LINK}`,
          ),
        );
    }),
  );

  const linkPages: Array<[string, LinkPurpose, string, string]> = [
    ['/reset-password', 'reset', 'Choose a new password', 'Save the new password'],
    ['/accept-invitation', 'invite', 'Welcome — choose your password', 'Set my password'],
  ];
  for (const [path, purpose, title, submit] of linkPages) {
    const render = (
      res: Response,
      token: string,
      owner: { email: string; name: string },
      errors: Record<string, string> = {},
    ) =>
      res.type('html').send(
        page(
          title,
          `<h1>${escapeHtml(title)}</h1><p>For <strong>${escapeHtml(owner.email)}</strong>.</p>
          ${form({ action: `${ADMIN_ROOT}${path}`, submit, fields: [...newPasswordFields], errors, hidden: { token } })}`,
        ),
      );
    const invalid = (res: Response) =>
      res
        .status(410)
        .type('html')
        .send(
          page(
            'Link not usable',
            `<h1>This link cannot be used</h1><p class="error">${escapeHtml(INVALID_LINK_MESSAGE)}</p>${SIGN_IN_LINK}`,
          ),
        );

    router.get(
      path,
      asyncRoute(async (req, res) => {
        const token = text(req.query.token);
        const owner = await services.links.linkOwner(token, purpose);
        if (!owner) return invalid(res);
        render(res, token, owner);
      }),
    );

    router.post(
      path,
      parseForm,
      asyncRoute(async (req, res) => {
        const token = field(req, 'token');
        try {
          const { email } = await services.links.completeWithPassword(
            token,
            purpose,
            field(req, 'password'),
            field(req, 'confirmation'),
          );
          // The sign-in form with the email filled in, not a session: signing in stays one path (throttled,
          // audited, a fresh session id), and a link opened on someone else's screen signs nobody in there.
          res
            .type('html')
            .send(
              page(
                'Password saved',
                `<h1>Password saved</h1><p class="notice" role="status">Your password is saved. Sign in with it now.</p>${signInForm({ email })}`,
              ),
            );
        } catch (error) {
          const errors = errorsOf(error);
          const owner = errors.token ? null : await services.links.linkOwner(token, purpose);
          if (!owner) return invalid(res);
          render(res.status(422), token, owner, errors);
        }
      }),
    );
  }
  return router;
}

/** My profile: any signed-in user changes their own name and password. */
export function profileRoutes(services: Services): Router {
  const router = express.Router();

  const render = async (req: Request, res: Response, errors: Record<string, string> = {}, notice?: string) => {
    const user = await services.prisma.user.findUniqueOrThrow({ where: { id: req.session.adminUser!.id } });
    res.type('html').send(
      page(
        'My profile',
        `<h1>My profile</h1><p>${escapeHtml(user.email)} · ${escapeHtml(user.role.toLowerCase())}</p>
        ${notice ? `<p class="notice" role="status">${escapeHtml(notice)}</p>` : ''}
        <h2>Name</h2>
        ${form({ action: `${PROFILE_PATH}/name`, submit: 'Save name', fields: [{ name: 'name', label: 'Name', value: user.name, autocomplete: 'name' }], errors: errors.name ? { name: errors.name } : {} })}
        <h2>Password</h2><p class="hint">Changing it signs you out everywhere else.</p>
        ${form({
          action: `${PROFILE_PATH}/password`,
          submit: 'Change password',
          fields: [
            { name: 'currentPassword', label: 'Current password', type: 'password', autocomplete: 'current-password' },
            ...newPasswordFields,
          ],
          errors: errors.name ? {} : errors,
        })}
        <a class="back" href="${ADMIN_ROOT}">Back to the panel</a>`,
        { wide: true },
      ),
    );
  };

  router.get(
    '/profile',
    asyncRoute(async (req, res) => {
      const saved = req.query.saved;
      await render(
        req,
        res,
        {},
        saved === 'name'
          ? 'Your name is saved.'
          : saved === 'password'
            ? 'Your password is changed; your other sessions are signed out.'
            : undefined,
      );
    }),
  );

  router.post(
    '/profile/name',
    parseForm,
    asyncRoute(async (req, res) => {
      try {
        const user = await services.users.updateOwnName(req.session.adminUser!.id, { name: field(req, 'name') });
        req.session.adminUser = { ...req.session.adminUser!, name: user.name };
        res.redirect(303, `${PROFILE_PATH}?saved=name`);
      } catch (error) {
        await render(req, res.status(422), errorsOf(error));
      }
    }),
  );

  router.post(
    '/profile/password',
    parseForm,
    asyncRoute(async (req, res, next) => {
      const userId = req.session.adminUser!.id;
      try {
        await services.users.changeOwnPassword(
          userId,
          field(req, 'currentPassword'),
          field(req, 'password'),
          field(req, 'confirmation'),
        );
      } catch (error) {
        return render(req, res.status(422), errorsOf(error));
      }
      // Every session that signed in before the change has ended; this one continues under a new id.
      const user = await services.prisma.user.findUniqueOrThrow({ where: { id: userId } });
      req.session.regenerate((error) => {
        if (error) return next(error);
        req.session.adminUser = sessionAdminOf(user);
        req.session.signedInAt = user.passwordChangedAt.getTime();
        req.session.save((saveError) =>
          saveError ? next(saveError) : res.redirect(303, `${PROFILE_PATH}?saved=password`),
        );
      });
    }),
  );
  return router;
}
