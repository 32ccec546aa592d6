import { FEATURE_IDS, PLATFORM_IDS } from '@botsmith/shared';
import ts from 'typescript6';
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

// Multi-line, with every terminator the generated files could have.
const HOSTILE_PROMPT = `${HOSTILE_NAME}\n${HOSTILE_DESCRIPTION}\n\u2028 --- \n# heading`;

describe('hostile display name, description and system prompt', () => {
  // Every platform and feature, so every template that could embed user text is covered.
  const input = {
    platforms: [...PLATFORM_IDS],
    project: { displayName: HOSTILE_NAME, description: HOSTILE_DESCRIPTION },
    features: [...FEATURE_IDS],
    ai: { provider: 'openai' as const, systemPrompt: HOSTILE_PROMPT },
    deploy: { target: 'fly' as const },
    automation: { deploy: true, codeql: true, dependencyReview: true, release: true },
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
    const prompt = stringLiterals('src/ai/system-prompt.ts', file('src/ai/system-prompt.ts'));
    expect(prompt.map((l) => l.value)).toContain(HOSTILE_PROMPT);
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

  it('do not reach YAML, TOML, Dockerfile or .env.example', () => {
    const untouched = project.files.filter(
      (f) => /\.(ya?ml|toml)$/.test(f.path) || f.path === 'Dockerfile' || f.path === '.env.example',
    );
    expect(untouched.map((f) => f.path)).toContain('.github/workflows/deploy.yml');
    for (const { path, content } of untouched) {
      expect(content, path).not.toContain('INJECTED');
      if (path.endsWith('.yml')) expect(() => parseYaml(content), path).not.toThrow();
    }
  });
});
