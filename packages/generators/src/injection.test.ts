import { PLATFORM_IDS } from '@botsmith/shared';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { configOf, generateFrom } from '../test/helpers';

// Quotes, backticks, template and comment terminators, HTML, Markdown and a YAML-looking
// tail: each breaks generated code somewhere if it is pasted in instead of escaped.
// biome-ignore lint/suspicious/noTemplateCurlyInString: hostile input, on purpose
const HOSTILE_NAME = 'INJECTED "\' `${process.exit(1)}` */ </script><script>alert(1)</script>';
const HOSTILE_DESCRIPTION =
  "INJECTED */ // \\ '); process.exit(1); (' [x](javascript:alert(1)) # - * _ | key: value & <b>";

function syntaxErrors(path: string, content: string): string[] {
  const { diagnostics = [] } = ts.transpileModule(content, {
    fileName: path,
    reportDiagnostics: true,
    compilerOptions: { module: ts.ModuleKind.NodeNext, target: ts.ScriptTarget.ES2022 },
  });
  return diagnostics.map((d) => `${path}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

/** Every string literal in a file: its source text and its value. */
function stringLiterals(path: string, content: string): { raw: string; value: string }[] {
  const file = ts.createSourceFile(path, content, ts.ScriptTarget.ES2022, true);
  const found: { raw: string; value: string }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node)) found.push({ raw: node.getText(file), value: node.text });
    node.forEachChild(visit);
  };
  visit(file);
  return found;
}

const count = (text: string, word: string) => text.split(word).length - 1;

describe('hostile display name and description', () => {
  // Every platform, so every template that could embed user text is covered.
  const input = {
    platforms: [...PLATFORM_IDS],
    project: { displayName: HOSTILE_NAME, description: HOSTILE_DESCRIPTION },
  };
  const { project, file } = generateFrom(input);

  it('are accepted by the config schema', () => {
    expect(configOf(input).project.displayName).toBe(HOSTILE_NAME);
  });

  it('leave every generated TypeScript file free of syntax errors', () => {
    const errors = project.files
      .filter((f) => f.path.endsWith('.ts'))
      .flatMap((f) => syntaxErrors(f.path, f.content));
    expect(errors).toEqual([]);
  });

  it('appear in TypeScript only inside string literals, with their exact value', () => {
    for (const { path, content } of project.files.filter((f) => f.path.endsWith('.ts'))) {
      const literals = stringLiterals(path, content).map((literal) => literal.raw);
      // Every occurrence of the marker is inside a string literal: none in comments or code.
      expect(count(literals.join('\n'), 'INJECTED'), path).toBe(count(content, 'INJECTED'));
    }
    const values = stringLiterals('src/config.ts', file('src/config.ts')).map((l) => l.value);
    expect(values).toContain(HOSTILE_NAME);
    expect(values).toContain(HOSTILE_DESCRIPTION);
  });

  it('stay data in JSON', () => {
    expect(JSON.parse(file('package.json')).description).toBe(HOSTILE_DESCRIPTION);
    const slack = JSON.parse(file('slack-app-manifest.json'));
    expect(HOSTILE_NAME.startsWith(slack.display_information.name)).toBe(true);
    expect(HOSTILE_DESCRIPTION.startsWith(slack.display_information.description)).toBe(true);
    expect(JSON.parse(file('.botsmith.json')).config.project.displayName).toBe(HOSTILE_NAME);
  });

  it('are escaped in Markdown', () => {
    const readme = file('README.md');
    const [title, , description] = readme.split('\n');
    expect(title?.startsWith('# INJECTED')).toBe(true);
    expect(description?.startsWith('INJECTED')).toBe(true);
    // The README may hold such constructs itself (an embed snippet): the names add none.
    const plain = generateFrom({ platforms: [...PLATFORM_IDS] }).file('README.md');
    for (const raw of ['</script>', '<script>', '[x](javascript', '<b>', '`${']) {
      expect(count(readme, raw), raw).toBe(count(plain, raw));
    }
  });

  it('do not reach YAML, Dockerfile or .env.example', () => {
    for (const path of [
      '.github/workflows/ci.yml',
      '.github/dependabot.yml',
      'Dockerfile',
      '.env.example',
    ]) {
      expect(file(path)).not.toContain('INJECTED');
    }
    expect(() => parseYaml(file('.github/workflows/ci.yml'))).not.toThrow();
  });
});
