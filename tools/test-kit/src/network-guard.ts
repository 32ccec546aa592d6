import net from 'node:net';

/** A connection a test tried to make to anything but this machine. */
export interface BlockedConnection {
  host: string;
  port: number | string | undefined;
}

type ConnectArgs = unknown[];

const LOOPBACK = /^(localhost|.+\.localhost|127(?:\.\d{1,3}){3}|::1|::ffff:127(?:\.\d{1,3}){3})$/i;

/** Where a `Socket#connect` call goes: `null` for a Unix socket or named pipe. */
function targetOf(args: ConnectArgs): BlockedConnection | null {
  // `net.connect()` hands the socket its normalized arguments as `[options, callback]`.
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (first && typeof first === 'object') {
    const options = first as { host?: string; port?: number | string; path?: string };
    if (options.path) return null;
    return { host: options.host ?? 'localhost', port: options.port };
  }
  if (typeof first === 'string' && Number.isNaN(Number(first))) return null; // a path
  return { host: typeof args[1] === 'string' ? args[1] : 'localhost', port: first as number };
}

/** Whether `host` is this machine. */
export function isLoopback(host: string): boolean {
  return LOOPBACK.test(host.replace(/^\[|\]$/g, ''));
}

/**
 * Makes every TCP connection to anything but loopback fail (the socket errors with
 * `EBLOCKED`) and reports it to `onBlocked`: tests talk to local emulators only. Returns the
 * function that removes the guard.
 */
export function guardOutboundConnections(
  onBlocked: (target: BlockedConnection) => void,
): () => void {
  const original = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: ConnectArgs) {
    const target = targetOf(args);
    if (target && !isLoopback(target.host)) {
      onBlocked(target);
      const error = Object.assign(
        new Error(
          `tests may not connect to ${target.host}:${target.port ?? ''}; use a local emulator`,
        ),
        { code: 'EBLOCKED' },
      );
      process.nextTick(() => this.destroy(error));
      return this;
    }
    return (original as (...a: ConnectArgs) => net.Socket).apply(this, args);
  } as typeof original;
  return () => {
    net.Socket.prototype.connect = original;
  };
}
