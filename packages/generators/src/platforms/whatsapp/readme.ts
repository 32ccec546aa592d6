import type { ReadmeSection } from '../../types';

/** The README's WhatsApp section: Meta app, tokens, webhook handshake and signatures. */
export function whatsappReadme(): ReadmeSection {
  return {
    order: 22,
    title: 'WhatsApp setup',
    body: [
      "The bot uses the WhatsApp Business Cloud API directly with `fetch` (Meta's Node SDK is paused). Meta delivers messages to a public HTTPS webhook, so the bot must be reachable from the internet.",
      '',
      '1. In [Meta for Developers](https://developers.facebook.com/apps) create an app of type **Business** and add the **WhatsApp** product.',
      '2. On **WhatsApp → API Setup**, copy the **Phone number ID** into `WHATSAPP_PHONE_NUMBER_ID`. For a token that does not expire after 24 hours, create a **system user** in Business Settings, give it the app with `whatsapp_business_messaging`, generate a token and put it in `WHATSAPP_ACCESS_TOKEN`.',
      '3. On **App settings → Basic**, copy the **App secret** into `WHATSAPP_APP_SECRET`. Every event Meta sends is signed with it (`X-Hub-Signature-256`, HMAC-SHA256 of the raw body); the bot compares it in constant time and answers 401 to anything else.',
      '4. Choose any random string for `WHATSAPP_VERIFY_TOKEN` (`openssl rand -hex 32`). Start the bot (`npm run dev` locally behind a tunnel such as `cloudflared tunnel --url http://localhost:3000`, or your deployment) so that `https://YOUR_HOST/webhooks/whatsapp` is reachable.',
      '5. On **WhatsApp → Configuration → Webhook**, enter that URL as **Callback URL** and the verify token, then **Verify and save**: Meta calls `GET /webhooks/whatsapp` with `hub.challenge`, which the bot echoes only when the token matches. Subscribe to the **messages** field.',
      '6. Send a message to the business number from a phone you added as a test recipient. The bot answers within the 24-hour customer service window that every user message opens.',
      '7. `WHATSAPP_GRAPH_VERSION` (default `v23.0`) selects the Graph API version; raise it when Meta retires the one you use.',
    ].join('\n'),
  };
}
