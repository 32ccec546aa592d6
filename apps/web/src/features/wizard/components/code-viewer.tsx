import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import dockerfile from 'highlight.js/lib/languages/dockerfile';
import ini from 'highlight.js/lib/languages/ini';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import markdown from 'highlight.js/lib/languages/markdown';
import plaintext from 'highlight.js/lib/languages/plaintext';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';
import 'highlight.js/styles/github-dark.css';
import { useMemo } from 'react';
import { languageFor } from '../state/file-language';

// Only the languages a generated project contains, to keep the bundle small.
for (const [name, language] of Object.entries({
  bash,
  dockerfile,
  ini,
  javascript,
  json,
  markdown,
  plaintext,
  typescript,
  xml,
  yaml,
})) {
  hljs.registerLanguage(name, language);
}

/** A read-only, syntax-highlighted view of one file. */
export function CodeViewer({ path, content }: { path: string; content: string }) {
  const language = languageFor(path);
  // highlight.js escapes the source and only adds class-named spans (no inline styles),
  // so the markup is safe to insert and works under a strict Content-Security-Policy.
  const html = useMemo(() => hljs.highlight(content, { language }).value, [content, language]);
  return (
    <section
      aria-label={`Contents of ${path}`}
      // A scrollable region must be reachable by keyboard (WCAG 2.1.1).
      // biome-ignore lint/a11y/noNoninteractiveTabindex: keyboard users scroll the code with it
      tabIndex={0}
      className="h-full overflow-auto focus-visible:outline-2 focus-visible:outline-indigo-400"
    >
      <pre className="hljs min-h-64 p-4 font-mono text-[13px] leading-relaxed">
        <code
          className={`language-${language}`}
          // biome-ignore lint/security/noDangerouslySetInnerHtml: highlight.js output is escaped
          dangerouslySetInnerHTML={{ __html: html }}
        />
      </pre>
    </section>
  );
}
