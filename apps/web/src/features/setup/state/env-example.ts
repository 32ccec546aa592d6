/** One variable of a generated `.env.example`, as the wizard asks for it. */
export interface EnvVariable {
  name: string;
  /** The comment above it, without its "Required."/"Optional." suffix. */
  description: string;
  required: boolean;
  /** The value the example ships with (a default such as `PORT=3000`), often empty. */
  example: string;
}

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/;

/**
 * Reads the variables of a generated `.env.example`: each `NAME=value` line with the comment
 * block right above it. The generator ends each comment with "Required." or "Optional.".
 */
export function parseEnvExample(content: string): EnvVariable[] {
  const variables: EnvVariable[] = [];
  let comment: string[] = [];
  for (const rawLine of content.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '') {
      comment = [];
      continue;
    }
    if (line.startsWith('#')) {
      comment.push(line.replace(/^#\s?/, ''));
      continue;
    }
    const match = ASSIGNMENT.exec(line);
    if (match?.[1]) {
      const text = comment.join(' ').trim();
      variables.push({
        name: match[1],
        description: text.replace(/\s*(Required|Optional)\.$/, ''),
        required: /\bRequired\.$/.test(text),
        example: match[2] ?? '',
      });
    }
    comment = [];
  }
  return variables;
}

const CREDENTIAL_NAME = /(TOKEN|SECRET|PASSWORD|API_KEY|PRIVATE_KEY|SIGNING_KEY|_KEY)$/;
const WORKFLOW_FILE = /^\.github\/workflows\/[^/]+\.ya?ml$/;
const SECRET_REFERENCE = /\bsecrets\.([A-Za-z_][A-Za-z0-9_]*)/g;

/**
 * The Actions secrets a generated project needs, as the setup computes them: credentials of
 * `.env.example` (empty, credential-like name) and every `secrets.NAME` its workflows read
 * (GitHub provides `GITHUB_*`). Described from `.env.example` where it has them; sorted.
 */
export function secretVariablesOf(
  files: readonly { path: string; content: string }[],
): EnvVariable[] {
  const byName = new Map<string, EnvVariable>();
  const example = files.find((file) => file.path === '.env.example');
  const variables = example ? parseEnvExample(example.content) : [];
  for (const variable of variables) {
    if (variable.example === '' && CREDENTIAL_NAME.test(variable.name))
      byName.set(variable.name, variable);
  }
  for (const file of files) {
    if (!WORKFLOW_FILE.test(file.path)) continue;
    for (const match of file.content.matchAll(SECRET_REFERENCE)) {
      const name = match[1] ?? '';
      if (name.toUpperCase().startsWith('GITHUB_') || byName.has(name)) continue;
      byName.set(
        name,
        variables.find((variable) => variable.name === name) ?? {
          name,
          description: 'Read by a GitHub Actions workflow.',
          required: true,
          example: '',
        },
      );
    }
  }
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}
