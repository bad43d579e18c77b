/**
 * Questions on the terminal. Passwords are not echoed on a TTY; when stdin is a pipe, answers are
 * read line by line (so scripts and tests can answer).
 */
import { createInterface, type Interface } from 'node:readline';
import { CommandError } from './command-error.js';

const END_OF_INPUT = '\u0000';
const noMoreInput = () => new CommandError('No more input to answer the question: pass the value as a flag instead.');

export interface Prompter {
  ask(question: string): Promise<string>;
  askSecret(question: string): Promise<string>;
  close(): void;
}

export function createPrompter(
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
): Prompter {
  const isTerminal = Boolean((input as NodeJS.ReadStream).isTTY);
  let muted = false;
  const rl: Interface = createInterface({ input, output, terminal: isTerminal });
  const lines: string[] = [];
  const waiting: Array<(line: string) => void> = [];
  let ended = false;
  rl.on('line', (line) => {
    const next = waiting.shift();
    if (next) next(line);
    else lines.push(line);
  });
  rl.on('close', () => {
    ended = true;
    for (const answer of waiting.splice(0)) answer(END_OF_INPUT);
  });
  // Hide typed characters: readline writes each keystroke through _writeToOutput.
  const writer = rl as unknown as { _writeToOutput(text: string): void };
  const originalWrite = writer._writeToOutput.bind(rl);
  writer._writeToOutput = (text: string) => {
    if (!muted || text.includes('\n')) originalWrite(muted ? '\n' : text);
  };

  function nextLine(question: string): Promise<string> {
    output.write(question);
    const buffered = lines.shift();
    if (buffered !== undefined) return Promise.resolve(buffered);
    if (ended) return Promise.reject(noMoreInput());
    return new Promise((resolve, reject) =>
      waiting.push((line) => (line === END_OF_INPUT ? reject(noMoreInput()) : resolve(line))),
    );
  }

  return {
    ask: nextLine,
    async askSecret(question) {
      muted = isTerminal;
      try {
        return await nextLine(question);
      } finally {
        muted = false;
      }
    },
    close: () => rl.close(),
  };
}
