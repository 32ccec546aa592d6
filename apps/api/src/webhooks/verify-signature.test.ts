import { sign } from '@octokit/webhooks-methods';
import { describe, expect, it } from 'vitest';
import { verifySignature } from './verify-signature';

const secret = 'a'.repeat(64);
const body = JSON.stringify({ zen: 'Design for failure.', emoji: '✨' });
const bytes = Buffer.from(body, 'utf8');

describe('verifySignature', () => {
  it('accepts GitHub’s signature over the exact bytes', async () => {
    expect(verifySignature(secret, bytes, await sign(secret, body))).toBe(true);
  });

  it('refuses another secret, changed bytes, a missing or malformed header', async () => {
    const signature = await sign(secret, body);
    expect(verifySignature('b'.repeat(64), bytes, signature)).toBe(false);
    expect(verifySignature(secret, Buffer.from(`${body} `), signature)).toBe(false);
    expect(verifySignature(secret, bytes, undefined)).toBe(false);
    expect(verifySignature(secret, bytes, [signature])).toBe(false);
    expect(verifySignature(secret, bytes, signature.replace('sha256=', 'sha1='))).toBe(false);
    expect(verifySignature(secret, bytes, `${signature}00`)).toBe(false);
    expect(verifySignature(secret, bytes, signature.toUpperCase())).toBe(false);
  });
});
