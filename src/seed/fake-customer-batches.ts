/**
 * Fake customers first … last in batches, as JSON arrays, generated in child processes: the next
 * batches are made while this one is written.
 */
import { fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface FakeCustomerBatch {
  /** The number of the batch's last customer. */
  last: number;
  json: string;
}

/** Batches asked for ahead of the one being written, from each generator. */
const BATCHES_AHEAD = 2;
/**
 * Generator processes: generating a customer costs about twice what writing it costs, so two keep
 * the writer busy (on two cores, the three processes share them).
 */
const GENERATORS = Math.min(2, availableParallelism());

// The child runs the same kind of file as this one: .ts under tsx, .js when compiled.
const CHILD = fileURLToPath(
  new URL(`./fake-customer-batch-process${path.extname(fileURLToPath(import.meta.url))}`, import.meta.url),
);

interface Range {
  first: number;
  last: number;
}

/** A child process answering ranges of customers with their JSON, in the order asked. */
function startGenerator(): { generate(range: Range): Promise<string>; stop(): void } {
  const child = fork(CHILD, { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const waiting: Array<{ resolve: (json: string) => void; reject: (error: Error) => void }> = [];
  child.on('message', (json: string) => waiting.shift()?.resolve(json));
  child.on('exit', (code) => {
    for (const { reject } of waiting.splice(0))
      reject(new Error(`The fake customer generator stopped (exit code ${code})`));
  });
  return {
    generate: (range) =>
      new Promise<string>((resolve, reject) => {
        waiting.push({ resolve, reject });
        child.send(range);
      }),
    stop: () => {
      if (child.connected) child.disconnect();
    },
  };
}

export async function* fakeCustomerBatches(
  first: number,
  last: number,
  batchSize: number,
): AsyncGenerator<FakeCustomerBatch> {
  const ranges: Range[] = [];
  for (let start = first; start <= last; start += batchSize)
    ranges.push({ first: start, last: Math.min(start + batchSize - 1, last) });
  const generators = Array.from({ length: Math.min(GENERATORS, ranges.length) }, startGenerator);
  // Batch i comes from generator i mod n, so each generator's answers arrive in the order needed.
  const request = (index: number) => generators[index % generators.length]!.generate(ranges[index]!);
  const replies = ranges.slice(0, BATCHES_AHEAD * generators.length).map((_, index) => request(index));
  try {
    for (const [index, range] of ranges.entries()) {
      const json = await replies[index]!;
      if (replies.length < ranges.length) replies.push(request(replies.length));
      yield { last: range.last, json };
    }
  } finally {
    // Stopped early (a failed write): the batches still coming are dropped with their generators.
    for (const reply of replies) reply.catch(() => undefined);
    for (const generator of generators) generator.stop();
  }
}
