import { describe, expect, it } from 'vitest';
import { languageFor } from './file-language';

describe('languageFor', () => {
  it.each([
    ['src/index.ts', 'typescript'],
    ['package.json', 'json'],
    ['.github/workflows/ci.yml', 'yaml'],
    ['README.md', 'markdown'],
    ['Dockerfile', 'dockerfile'],
    ['.env.example', 'bash'],
    ['fly.toml', 'ini'],
    ['.gitignore', 'plaintext'],
    ['LICENSE', 'plaintext'],
  ])('%s is %s', (path, language) => {
    expect(languageFor(path)).toBe(language);
  });
});
