import type { BuildConfig } from '@botsmith/shared';
import { APACHE_2_0_TEXT } from './apache-2.0';
import { GPL_3_0_TEXT } from './gpl-3.0';

type License = BuildConfig['project']['license'];

// MIT and ISC name the holder in their text; the long licences are kept verbatim and the
// holder goes on a line above them. No year: it would make generation depend on the clock.
const TEXTS: Record<License, (holder: string) => string> = {
  MIT: (holder) => `MIT License

Copyright (c) ${holder}

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
`,
  ISC: (holder) => `ISC License

Copyright (c) ${holder}

Permission to use, copy, modify, and/or distribute this software for any
purpose with or without fee is hereby granted, provided that the above
copyright notice and this permission notice appear in all copies.

THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES
WITH REGARD TO THIS SOFTWARE INCLUDING ALL IMPLIED WARRANTIES OF
MERCHANTABILITY AND FITNESS. IN NO EVENT SHALL THE AUTHOR BE LIABLE FOR
ANY SPECIAL, DIRECT, INDIRECT, OR CONSEQUENTIAL DAMAGES OR ANY DAMAGES
WHATSOEVER RESULTING FROM LOSS OF USE, DATA OR PROFITS, WHETHER IN AN
ACTION OF CONTRACT, NEGLIGENCE OR OTHER TORTIOUS ACTION, ARISING OUT OF
OR IN CONNECTION WITH THE USE OR PERFORMANCE OF THIS SOFTWARE.
`,
  'Apache-2.0': (holder) => `Copyright ${holder}\n\n${APACHE_2_0_TEXT}`,
  'GPL-3.0-only': (holder) => `Copyright ${holder}\n\n${GPL_3_0_TEXT}`,
  UNLICENSED: (holder) => `Copyright ${holder}. All rights reserved.

This software is proprietary. No licence is granted to use, copy, modify or
distribute it without the written permission of the copyright holders.
`,
};

/**
 * The generated `LICENSE`: the chosen licence's full text, held by "the <display name>
 * authors". The display name is validated single-line text, so it cannot break the file.
 *
 * @example licenseText({ ...config.project, license: 'MIT', displayName: 'Hello' })
 */
export function licenseText(
  project: Pick<BuildConfig['project'], 'license' | 'displayName'>,
): string {
  return TEXTS[project.license](`the ${project.displayName} authors`);
}
