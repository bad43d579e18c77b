/** The child process of fake-customer-batches.ts: answers each {first, last} with those customers as JSON. */
import { fakeCustomer } from './fake-customers.js';

process.on('message', ({ first, last }: { first: number; last: number }) => {
  const customers = Array.from({ length: last - first + 1 }, (_, index) => fakeCustomer(first + index));
  process.send!(JSON.stringify(customers));
});
process.on('disconnect', () => process.exit(0));
