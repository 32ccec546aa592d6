const BY_EXTENSION: Record<string, string> = {
  ts: 'typescript',
  tsx: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  json: 'json',
  yml: 'yaml',
  yaml: 'yaml',
  md: 'markdown',
  sh: 'bash',
  toml: 'ini',
  html: 'xml',
  svg: 'xml',
};

/** The highlight.js language for a file path; `plaintext` when unknown. */
export function languageFor(path: string): string {
  const name = path.split('/').at(-1) ?? path;
  if (name === 'Dockerfile' || name.endsWith('.dockerfile')) return 'dockerfile';
  if (name.startsWith('.env')) return 'bash';
  const extension = name.includes('.') ? (name.split('.').at(-1) ?? '') : '';
  return BY_EXTENSION[extension] ?? 'plaintext';
}
