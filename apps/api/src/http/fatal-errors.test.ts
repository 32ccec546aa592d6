import { EventEmitter } from 'node:events';
import { describe, expect, test } from 'vitest';
import { exitOnFatalErrors } from './fatal-errors';

describe('exitOnFatalErrors', () => {
  const setup = () => {
    const target = new EventEmitter();
    const logged: { fields: unknown; message: string }[] = [];
    const exits: number[] = [];
    exitOnFatalErrors(
      { fatal: ((fields: unknown, message: string) => logged.push({ fields, message })) as never },
      target,
      (code) => exits.push(code),
    );
    return { target, logged, exits };
  };

  test('an unhandled rejection is logged as fatal with its error, then the process exits 1', () => {
    const { target, logged, exits } = setup();
    const reason = new Error('connection terminated');
    target.emit('unhandledRejection', reason, Promise.resolve());
    expect(logged).toEqual([
      { fields: { err: reason }, message: 'unhandled promise rejection; exiting' },
    ]);
    expect(exits).toEqual([1]);
  });

  test('an uncaught exception too', () => {
    const { target, logged, exits } = setup();
    const error = new TypeError('boom');
    target.emit('uncaughtException', error);
    expect(logged).toEqual([{ fields: { err: error }, message: 'uncaught exception; exiting' }]);
    expect(exits).toEqual([1]);
  });
});
