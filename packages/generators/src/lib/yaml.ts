import { Document, Scalar } from 'yaml';

/**
 * A YAML string scalar that is always double-quoted: the form SPEC §5 requires for user text,
 * which can then never turn into a number, boolean, anchor, tag or flow collection.
 *
 * @example toYaml({ name: quoted('yes: no') }) // 'name: "yes: no"\n'
 */
export function quoted(value: string): Scalar<string> {
  const scalar = new Scalar(value);
  scalar.type = Scalar.QUOTE_DOUBLE;
  return scalar;
}

/**
 * Serializes a plain object (GitHub workflow, dependabot config) with the `yaml` library,
 * never by string concatenation. `header` becomes a leading comment, for the reader.
 *
 * @example toYaml({ version: 2 }, 'Managed by Botsmith') // "# Managed by Botsmith\nversion: 2\n"
 */
export function toYaml(value: unknown, header?: string): string {
  // No anchors and aliases for objects used twice (a shared step): GitHub rejects aliases.
  const document = new Document(value, { aliasDuplicateObjects: false });
  if (header) document.commentBefore = header.replace(/^/gm, ' ');
  // lineWidth 0: never fold long `run:` commands or expressions onto several lines.
  return document.toString({ lineWidth: 0, minContentWidth: 0 });
}

/**
 * A GitHub Actions expression, `${{ … }}`, for generator-authored expressions only: user text
 * never goes into one (the config schema rejects `${{` in text fields).
 *
 * @example expression('matrix.node') // "${{ matrix.node }}"
 */
export function expression(body: string): string {
  return `$\{{ ${body} }}`;
}
