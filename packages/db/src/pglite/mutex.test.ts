import { expect, test } from 'vitest';
import { Mutex } from './mutex';

test('holders run one at a time, in arrival order', async () => {
  const mutex = new Mutex();
  const events: string[] = [];
  const hold = async (name: string, ms: number) => {
    const release = await mutex.lock();
    events.push(`${name} in`);
    await new Promise((resolve) => setTimeout(resolve, ms));
    events.push(`${name} out`);
    release();
  };
  await Promise.all([hold('a', 20), hold('b', 1), hold('c', 5)]);
  expect(events).toEqual(['a in', 'a out', 'b in', 'b out', 'c in', 'c out']);
});
