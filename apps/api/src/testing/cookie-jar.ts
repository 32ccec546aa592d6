/** A minimal cookie jar for tests that drive the server over real HTTP with `fetch`. */
export class CookieJar {
  readonly #values = new Map<string, string>();
  /** Raw `Set-Cookie` lines by cookie name, for attribute assertions. */
  readonly setCookies = new Map<string, string>();

  /** Takes the response's `Set-Cookie` headers; `Max-Age=0` deletes. */
  store(response: Response): this {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';', 1);
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      this.setCookies.set(name, line);
      if (/;\s*max-age=0\b/i.test(line) || value === '') this.#values.delete(name);
      else this.#values.set(name, decodeURIComponent(value));
    }
    return this;
  }

  get(name: string): string | undefined {
    return this.#values.get(name);
  }

  set(name: string, value: string): this {
    this.#values.set(name, value);
    return this;
  }

  delete(name: string): this {
    this.#values.delete(name);
    return this;
  }

  /** The `Cookie` request header. */
  header(): string {
    return [...this.#values]
      .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
      .join('; ');
  }

  clone(): CookieJar {
    const copy = new CookieJar();
    for (const [name, value] of this.#values) copy.set(name, value);
    return copy;
  }
}
