/** npm run createsuperuser -- [--email E] [--password P] [--name N]; asks for what is missing. */
import { parseArgs } from 'node:util';
import { passwordProblem } from '../domain/accounts/passwords.js';
import { createPrompter } from './prompt.js';
import { CommandError } from './command-error.js';
import { runCommand } from './run.js';

const { values } = parseArgs({
  options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } },
});

await runCommand(async ({ services }) => {
  const prompter = createPrompter();
  try {
    const email = values.email ?? (await prompter.ask('Email: ')).trim();
    if (await services.users.findByEmail(email))
      throw new CommandError(`A user with the email ${email.toLowerCase()} already exists.`);
    const interactive = values.email === undefined || values.password === undefined;
    const name =
      values.name ??
      ((interactive ? (await prompter.ask('Name (Enter for "Administrator"): ')).trim() : '') || 'Administrator');
    let password = values.password;
    if (password === undefined) {
      password = await prompter.askSecret('Password: ');
      const problem = passwordProblem(password, email);
      if (problem) throw new CommandError(`password: ${problem}`);
      if ((await prompter.askSecret('Password (again): ')) !== password)
        throw new CommandError('The two passwords differ.');
    }
    const user = await services.users.create({ email, name, password, role: 'SUPERUSER' }, null);
    console.log(`Superuser ${user.email} created.`);
  } finally {
    prompter.close();
  }
});
