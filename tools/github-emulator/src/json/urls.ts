/** Base URLs responses are built with: the REST root (`…` or `…/api/v3`) and the web root. */
export interface Urls {
  api: string;
  web: string;
}

/** GitHub's legacy global node id: base64 of `0<len>:<Type><id>` (octocat → `MDQ6VXNlcjU4MzIzMQ==`). */
export function nodeId(type: string, id: number | string): string {
  return Buffer.from(`0${type.length}:${type}${id}`).toString('base64');
}
