import type { ReadmeSection } from '../../types';

/** The README's web chat section: demo page, embedding, allowed origins, limits. */
export function webchatReadme({ ai }: { ai: boolean }): ReadmeSection {
  return {
    order: 25,
    title: 'Web chat setup',
    body: [
      'The web chat needs no account or token: it is served by the bot itself on `PORT`.',
      '',
      '1. Set `PORT` (`.env.example` has `3000`) and run `npm run dev`, then open `http://localhost:3000/`: the demo page embeds the widget.',
      '2. To add the chat to your site, list the site\'s origin in `WEBCHAT_ALLOWED_ORIGINS` (comma-separated, such as `https://www.example.com,https://example.com`) and add `<script src="https://YOUR_BOT_HOST/widget.js" defer></script>` to its pages. The widget renders in a closed Shadow DOM, so your CSS and its CSS do not mix, and it inserts text only with `textContent`, so a reply can never inject HTML.',
      '3. `POST /api/chat` takes `{"text": "..."}` (up to 2000 characters; body up to 8 KiB) and answers `{"replies": [{"text": "...", "choices": [...]}], "token": "..."}`. The conversation is the server-signed session: the `webchat_session` cookie (HTTP-only) or the `token` of an earlier answer, sent back as `"token"` or `Authorization: Bearer`; a missing or forged one starts a new conversation, and a client-chosen `sessionId` counts for nothing. Browsers may call it only from the listed origins and from the bot\'s own host; requests with any other `Origin` are refused with 403.',
      '4. Each client address, and separately each session id, may send `WEBCHAT_RATE_LIMIT_PER_MINUTE` messages a minute (default 20) before getting 429 with `Retry-After`; both limits must pass, so a new session id per request gains nothing. Limits live in memory, per process.',
      "5. Behind a host's proxy the socket address is the proxy's. Set `TRUST_PROXY_HOPS` to the number of proxies in front of the bot (Fly.io 1, Render 1, Railway 1; 0, the default, when clients connect directly): the client address is then that many entries from the right of `X-Forwarded-For`, and the entries a client wrote itself further left are ignored. Set it no higher than the real number, or clients can choose their own address.",
      "6. In production, put the bot behind HTTPS (your platform's load balancer usually does this) and use that URL in the script tag.",
      ai &&
        '7. Each client address (the same one the rate limit counts, so behind `TRUST_PROXY_HOPS` proxies) may cause `AI_DAILY_BUDGET_PER_ADDRESS` AI model calls per UTC day (default 50). Past it the chat answers that the daily AI answers are used up until midnight UTC, without calling the model; commands keep working. Like the rate limit, the budget lives in memory, per process, and a new session id does not reset it.',
    ]
      .filter((line) => line !== false)
      .join('\n'),
  };
}
