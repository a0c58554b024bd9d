import type { Context, Middleware } from 'koa';
import type { Core } from '../core/context.js';
import type { Ticket } from '../core/conversation/index.js';
import { signedClaims } from './http.js';

/**
 * A chat message's place in the person's line (core/conversation/locks.ts),
 * taken the moment the request arrives: the token's signature names the
 * person, and the ticket goes to Redis in the same round trip as the
 * sign-in check and the rate limit that follow (api/http.ts `asUser`), so
 * neither can let a later message overtake it, whichever process each one
 * reached. The turn (`chat.handle` with `ticketOf(ctx)`) uses the place;
 * a request refused or failing before its turn gives it up. A message has
 * arrived once its body has (a JSON message's is read first: its
 * `clientMsgId`, by `clientMsgIdOf`, lets the ticket's round trip also
 * read what the turn reads first — core/conversation/locks.ts `TurnRead`).
 */
export function inTurn(core: Core, clientMsgIdOf: (ctx: Context) => string | null = () => null): Middleware {
  return async (ctx, next) => {
    const m = /^Bearer (\S+)$/i.exec(ctx.get('authorization'));
    const signed = m ? signedClaims(core, ctx, m[1]!) : null;
    // Not signed in: the sign-in middleware answers 401; nobody's line is touched.
    if (!signed || signed.role !== 'user') return next();
    const userKey = signed.sub;
    // If first in line, the turn's session and the replies kept for this message (a resend) come back with the ticket.
    const ticket = core.conversation.takeTicket(userKey, { read: { clientMsgId: clientMsgIdOf(ctx) } });
    // Awaited by the turn; a failure there (Redis down) is the turn's, or dropped below.
    ticket.catch(() => undefined);
    ctx.state.ticket = { userKey, ticket };
    try {
      await next();
    } finally {
      const t = await ticket.catch(() => null);
      if (t && !t.used) await core.conversation.dropTicket(userKey, t);
    }
  };
}

/** The place `inTurn` took for this request's person (undefined: the turn takes one itself). */
export function ticketOf(ctx: Context): Promise<Ticket> | undefined {
  const held = ctx.state.ticket as { userKey: string; ticket: Promise<Ticket> } | undefined;
  return held && held.userKey === ctx.state.userKey ? held.ticket : undefined;
}
