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
