/**
 * Fake customers first … last in batches, as JSON arrays, generated in a child process: generating
 * a batch costs about as much as writing one, so the next batches are made while this one is written.
 */
import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface FakeCustomerBatch {
  /** The number of the batch's last customer. */
  last: number;
  json: string;
}

/** Batches asked for ahead of the one being written. */
const BATCHES_AHEAD = 2;

// The child runs the same kind of file as this one: .ts under tsx, .js when compiled.
const CHILD = fileURLToPath(new URL(`./fake-customer-batch-process${path.extname(fileURLToPath(import.meta.url))}`, import.meta.url));

export async function* fakeCustomerBatches(first: number, last: number, batchSize: number): AsyncGenerator<FakeCustomerBatch> {
  const ranges: Array<{ first: number; last: number }> = [];
  for (let start = first; start <= last; start += batchSize) ranges.push({ first: start, last: Math.min(start + batchSize - 1, last) });
  const child = fork(CHILD, { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const waiting: Array<{ resolve: (json: string) => void; reject: (error: Error) => void }> = [];
  child.on('message', (json: string) => waiting.shift()?.resolve(json));
  child.on('exit', (code) => {
    for (const { reject } of waiting.splice(0)) reject(new Error(`The fake customer generator stopped (exit code ${code})`));
  });
  const request = (range: { first: number; last: number }) =>
    new Promise<string>((resolve, reject) => {
      waiting.push({ resolve, reject });
      child.send(range);
    });
  try {
    const replies = ranges.slice(0, BATCHES_AHEAD).map(request);
    for (const [index, range] of ranges.entries()) {
      const json = await replies[index]!;
      const ahead = ranges[index + BATCHES_AHEAD];
      if (ahead) replies.push(request(ahead));
      yield { last: range.last, json };
    }
  } finally {
    if (child.connected) child.disconnect();
  }
}
