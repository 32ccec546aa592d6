import type { GeneratedFile } from '../../types';

const CHOICES = `import type { Choice, Reply } from './types.js';

/** The most buttons one reply carries: two rows of five on Discord, one Slack actions block. */
export const MAX_CHOICES = 10;
/** Longer labels would be cut by the narrowest platform that shows them as buttons. */
export const CHOICE_LABEL_LIMIT = 40;
/** Telegram's callback_data holds 64 bytes, the smallest payload of any platform. */
export const CHOICE_VALUE_BYTES = 64;

function isShowable(choice: Choice): boolean {
  const label = choice.label.trim();
  const value = choice.value.trim();
  return (
    label !== '' &&
    label.length <= CHOICE_LABEL_LIMIT &&
    value !== '' &&
    new TextEncoder().encode(value).length <= CHOICE_VALUE_BYTES
  );
}

/**
 * The reply with only the choices every platform can show (non-empty, within the limits),
 * at most MAX_CHOICES, so adapters render what the core returns without checking again.
 */
export function normalizeReply(reply: Reply): Reply {
  if (reply.choices === undefined) return reply;
  const choices = reply.choices
    .filter(isShowable)
    .slice(0, MAX_CHOICES)
    .map((choice) => ({ label: choice.label.trim(), value: choice.value.trim() }));
  const normalized: Reply = { text: reply.text };
  if (choices.length > 0) normalized.choices = choices;
  if (reply.private !== undefined) normalized.private = reply.private;
  return normalized;
}

/** For platforms without buttons: the text, then one line per choice saying what to send. */
export function replyAsText(reply: Reply): string {
  const lines = (reply.choices ?? []).map((choice) =>
    choice.label === choice.value ? '- ' + choice.value : '- ' + choice.label + ': ' + choice.value,
  );
  return [reply.text, ...lines].join('\\n');
}
`;

const CHOICES_TEST = `import { describe, expect, it } from 'vitest';
import { MAX_CHOICES, normalizeReply, replyAsText } from '../src/core/choices.js';

describe('reply choices', () => {
  it('keeps showable choices, trimmed, and at most MAX_CHOICES', () => {
    const many = Array.from({ length: 15 }, (_, i) => ({ label: ' Option ' + i + ' ', value: '/pick ' + i }));
    const reply = normalizeReply({ text: 'Pick one', choices: many, private: true });
    expect(reply.choices).toHaveLength(MAX_CHOICES);
    expect(reply.choices?.[0]).toEqual({ label: 'Option 0', value: '/pick 0' });
    expect(reply.private).toBe(true);
  });

  it('drops choices a platform could not carry: empty, a long label, a value over 64 bytes', () => {
    const reply = normalizeReply({
      text: 'Pick',
      choices: [
        { label: '', value: '/a' },
        { label: 'x'.repeat(41), value: '/b' },
        { label: 'Emoji', value: '\\u{1F600}'.repeat(17) },
        { label: 'Fine', value: '\\u{1F600}'.repeat(16) },
      ],
    });
    expect(reply.choices?.map((choice) => choice.label)).toEqual(['Fine']);
    expect(normalizeReply({ text: 'x', choices: [{ label: '', value: '' }] })).toEqual({ text: 'x' });
  });

  it('lists the choices as text where a platform has no buttons', () => {
    const text = replyAsText({ text: 'Language?', choices: [{ label: 'Español', value: '/lang es' }, { label: '/help', value: '/help' }] });
    expect(text).toBe('Language?\\n- Español: /lang es\\n- /help');
    expect(replyAsText({ text: 'plain' })).toBe('plain');
  });
});
`;

/** `src/core/choices.ts`: the limits choices must fit to be shown on every platform. */
export function choiceFiles(): GeneratedFile[] {
  return [
    { path: 'src/core/choices.ts', content: CHOICES },
    { path: 'test/choices.test.ts', content: CHOICES_TEST },
  ];
}
