import type { PlatformId } from '@botsmith/shared';
import type { GeneratorModule } from '../../types';

// Platforms whose adapters cut replies to a message length limit with splitText.
const SPLITTING_PLATFORMS: readonly PlatformId[] = ['telegram', 'whatsapp', 'twitter'];

const SPLIT_TEXT = `/**
 * Splits text into chunks of at most \`limit\` characters, at a line break or space when one
 * is near, never inside a surrogate pair (an emoji stays whole). Empty text gives no chunks.
 */
export function splitText(text: string, limit: number): string[] {
  if (limit < 2) throw new RangeError('limit must be at least 2');
  const chunks: string[] = [];
  let rest = text.trim();
  while (rest.length > limit) {
    const window = rest.slice(0, limit);
    const breakAt = Math.max(window.lastIndexOf('\\n'), window.lastIndexOf(' '));
    let cut = breakAt > limit / 2 ? breakAt : limit;
    // A high surrogate at the end would be split from its low surrogate.
    const last = rest.charCodeAt(cut - 1);
    if (last >= 0xd800 && last <= 0xdbff) cut -= 1;
    chunks.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest !== '') chunks.push(rest);
  return chunks;
}
`;

const SPLIT_TEXT_TEST = `import { describe, expect, it } from 'vitest';
import { splitText } from '../src/platforms/split-text.js';

describe('splitText', () => {
  it('keeps short text whole and drops empty text', () => {
    expect(splitText(' hello ', 10)).toEqual(['hello']);
    expect(splitText('   ', 10)).toEqual([]);
  });

  it('splits at spaces within the limit', () => {
    const chunks = splitText('word '.repeat(20), 12);
    expect(chunks.every((chunk) => chunk.length <= 12)).toBe(true);
    expect(chunks.join(' ')).toBe(Array(20).fill('word').join(' '));
  });

  it('cuts long words hard, but never inside an emoji', () => {
    expect(splitText('x'.repeat(25), 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
    const chunks = splitText('abcdefghi\\u{1F600}z', 10);
    expect(chunks).toEqual(['abcdefghi', '\\u{1F600}z']);
  });
});
`;

/**
 * `src/platforms/split-text.ts`: the helper adapters use to respect a platform's message
 * length limit (Telegram and WhatsApp 4096 characters, X 280).
 */
export const splitTextModule: GeneratorModule = {
  id: 'split-text',
  label: 'Message splitting for platform length limits',
  enabled: (config) => config.platforms.some((p) => SPLITTING_PLATFORMS.includes(p)),
  contribute: () => ({
    files: [
      { path: 'src/platforms/split-text.ts', content: SPLIT_TEXT },
      { path: 'test/split-text.test.ts', content: SPLIT_TEXT_TEST },
    ],
  }),
};
