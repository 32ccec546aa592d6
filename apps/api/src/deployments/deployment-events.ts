import { EventEmitter } from 'node:events';

// Wakes live-update subscribers in this process as soon as a delivery changed a deployment.
// Only a shortcut: subscribers also poll the database, which stays the truth when the job
// runs in another process.
const emitter = new EventEmitter();
emitter.setMaxListeners(0);

/** Tells this process's subscribers that one of `ownerId`'s deployments changed. */
export function notifyDeploymentChanged(ownerId: string): void {
  emitter.emit(ownerId);
}

/**
 * Resolves after a change for `ownerId`, after `timeoutMs`, or when `signal` aborts,
 * whichever comes first.
 */
export function nextDeploymentChange(
  ownerId: string,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      emitter.off(ownerId, done);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    emitter.on(ownerId, done);
    signal?.addEventListener('abort', done, { once: true });
  });
}
