package io.portcullis.ike.exchange;

/**
 * Starts a Quick Mode for a new IPsec SA pair under an established IKE SA (after a Main Mode we initiated, or
 * for traffic when the IKE SA already exists). It runs as the rekey initiator does, over a pair without SPIs
 * ({@link ChildRequest#template}); the reply is routed to it by message ID and its retransmissions run with
 * the rekeys' ({@link SaMaintenance#rekeyDue}), on strongSwan's schedule: unlike a rekey, no old pair carries
 * the traffic meanwhile, so it is worth waiting as long as strongSwan would.
 */
final class ChildInitiation {

    private final ExchangeContext ctx;

    ChildInitiation(ExchangeContext ctx) {
        this.ctx = ctx;
    }

    /** Quick Mode message 1, to send to the IKE SA's peer. */
    byte[] start(IkeSa sa, ChildRequest request) {
        QuickModeRekeyInitiator exchange = new QuickModeRekeyInitiator(ctx, sa, request.template(ctx.clock().instant()),
                sa.freshMessageId(ctx), RetransmissionTimer.Schedule.STRONGSWAN);
        sa.rekeys().startedNew(exchange);
        return exchange.message1();
    }
}
