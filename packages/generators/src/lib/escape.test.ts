import { describe, expect, it } from 'vitest';
import { markdownText, tsString } from './escape';

describe('tsString', () => {
  it.each([
    'plain',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: hostile input, on purpose
    'quotes " and \' and `backticks` ${x}',
    '</script><!-- */ //',
    'line\u2028separator\u2029',
    'back\\slash & amp',
  ])('round-trips %j as a literal that cannot close a script tag', (value) => {
    const literal = tsString(value);
    expect(JSON.parse(literal)).toBe(value);
    expect(literal).not.toMatch(/[<>&\u2028\u2029]/);
  });
});

describe('markdownText', () => {
  it('escapes every Markdown construct and keeps one line', () => {
    const escaped = markdownText('# *x* [l](javascript:alert(1)) <img src=x> `c`\n- item');
    expect(escaped).not.toMatch(/(^|[^\\])[#*[\]()<>`-]/);
    expect(escaped).not.toContain('\n');
  });
});
