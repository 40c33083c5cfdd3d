package io.portcullis.ike.exchange.policy;

import io.portcullis.ike.esp.TrafficSelector;
import io.portcullis.ike.isakmp.IdentificationPayload;
import java.util.Optional;

/**
 * Traffic selectors as Quick Mode client IDs (RFC 2407 §4.6.2) and back, for the Quick Modes the gateway
 * initiates. Selectors are compared, not ID payloads, because peers encode the same block differently
 * (strongSwan sends a /32 as an IPV4_ADDR ID, we send subnets).
 */
public final class SelectorIds {

    private SelectorIds() {
    }

    /** A subnet ID for the selector's block, with its protocol and single port (0 = any). */
    public static IdentificationPayload toId(TrafficSelector selector) {
        int port = selector.anyPort() ? 0 : selector.portFrom();
        if (!selector.anyPort() && selector.portFrom() != selector.portTo()) {
            throw new IllegalArgumentException("an IKEv1 ID names one port or all, not " + selector);
        }
        return IdentificationPayload.subnet(TrafficSelectorNegotiator.address(selector.prefix().networkAddress()),
                selector.prefix().length()).withProtocolAndPort(selector.protocol(), port);
    }

    /** The selector an address ID describes; empty for names and for ranges that are no CIDR block. */
    public static Optional<TrafficSelector> toSelector(IdentificationPayload id) {
        return TrafficSelectorNegotiator.toPrefix(id).map(prefix -> TrafficSelectorNegotiator.selector(prefix, id));
    }
}
