package io.portcullis.ike.runtime;

import io.portcullis.ike.exchange.ChildSaEstablished;
import io.portcullis.ike.exchange.IkeEvent;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * One log line per IKE event, in a stable "ike: <what> key=value..." form an operator can grep
 * and a log shipper can audit. Key material never appears ({@link ChildSaEstablished#toString()}
 * omits it, and only named fields are written here).
 */
final class IkeEventLog implements Consumer<IkeEvent> {

    private static final Logger LOG = Logger.getLogger("io.portcullis.ike");

    @Override
    public void accept(IkeEvent event) {
        if (event instanceof IkeEvent.IkeSaEstablished e) {
            LOG.infof("ike: IKE SA established sa=[%s] peer=%s address=%s algorithms=%s natted=%s",
                    e.ikeSa(), e.peer().displayName(), e.peerAddress(), e.algorithms(), e.peerBehindNat());
        } else if (event instanceof ChildSaEstablished e) {
            LOG.infof("ike: IPsec SA established sa=[%s] in=%08x out=%08x %s local=%s remote=%s udp-encap=%s peer=%s",
                    e.ikeSa(), e.inboundSpi(), e.outboundSpi(), e.transform(), e.local(), e.remote(),
                    e.udpEncapsulated(), e.peerAddress());
        } else if (event instanceof IkeEvent.ChildSaDeleted e) {
            LOG.infof("ike: IPsec SA deleted sa=[%s] in=%08x out=%08x cause=%s", e.ikeSa(), e.inboundSpi(),
                    e.outboundSpi(), e.cause());
        } else if (event instanceof IkeEvent.IkeSaDeleted e) {
            LOG.infof("ike: IKE SA deleted sa=[%s] cause=%s", e.ikeSa(), e.cause());
        } else if (event instanceof IkeEvent.InitialContact e) {
            LOG.infof("ike: INITIAL-CONTACT sa=[%s]: older SAs of this peer are replaced", e.ikeSa());
        } else if (event instanceof IkeEvent.ChildSaAdopted e) {
            LOG.infof("ike: IPsec SA adopted sa=[%s] in=%08x out=%08x from=[%s]: the peer re-authenticated", e.ikeSa(),
                    e.inboundSpi(), e.outboundSpi(), e.from());
        } else if (event instanceof IkeEvent.RekeyStarted e) {
            LOG.infof("ike: rekeying IPsec SA sa=[%s] in=%08x: Quick Mode started by the gateway, new in=%08x",
                    e.ikeSa(), e.replacedInboundSpi(), e.newInboundSpi());
        } else if (event instanceof IkeEvent.RekeyFailed e) {
            LOG.warnf("ike: rekey failed sa=[%s] in=%08x reason=%s: the pair runs until its hard lifetime", e.ikeSa(),
                    e.replacedInboundSpi(), e.reason());
        } else if (event instanceof IkeEvent.ChildSaNotEstablished e) {
            LOG.warnf("ike: Quick Mode we started failed sa=[%s] %s<->%s reason=%s", e.ikeSa(), e.local(), e.remote(),
                    e.reason());
        } else if (event instanceof IkeEvent.InitiationFailed e) {
            LOG.warnf("ike: Main Mode we started failed sa=[%s] peer=%s reason=%s", e.ikeSa(), e.peerAddress(),
                    e.reason());
        } else if (event instanceof IkeEvent.ExchangeFailed e) {
            LOG.warnf("ike: exchange failed sa=[%s] peer=%s notify=%s reason=%s", e.ikeSa(), e.peerAddress(),
                    e.notifyType(), e.detail());
        }
    }
}
