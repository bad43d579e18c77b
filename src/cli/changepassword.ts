/** npm run changepassword -- --email E [--password P]; asks for the new password when not given. */
import { parseArgs } from 'node:util';
import { passwordProblem } from '../domain/accounts/passwords.js';
import { createPrompter } from './prompt.js';
import { CommandError } from './command-error.js';
import { runCommand } from './run.js';

const { values } = parseArgs({ options: { email: { type: 'string' }, password: { type: 'string' } } });

await runCommand(async ({ services }) => {
  const prompter = createPrompter();
  try {
    const email = values.email ?? (await prompter.ask('Email of the account: ')).trim();
    const user = await services.users.findByEmail(email);
    if (!user) throw new CommandError(`No user has the email ${email.toLowerCase()}.`);
    let password = values.password;
    if (password === undefined) {
      password = await prompter.askSecret(`New password for ${user.email}: `);
      const problem = passwordProblem(password, user.email);
      if (problem) throw new CommandError(`password: ${problem}`);
      if ((await prompter.askSecret('New password (again): ')) !== password)
        throw new CommandError('The two passwords differ.');
    }
    await services.users.setPassword(user.id, password);
    console.log(`Password of ${user.email} changed; their open sessions are signed out.`);
  } finally {
    prompter.close();
  }
});
