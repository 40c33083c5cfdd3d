package io.portcullis.ike.exchange;

import io.portcullis.ike.isakmp.VendorIdPayload;
import io.portcullis.ike.isakmp.VendorIds;
import java.util.List;

/**
 * What the peer announced with vendor IDs in its first Phase 1 message: NAT traversal (RFC 3947), IKE
 * fragmentation and dead peer detection (RFC 3706). They travel together from Phase 1 into the IKE SA.
 */
record PeerCapabilities(boolean natTraversal, boolean fragmentation, boolean dpd) {

    static final PeerCapabilities NONE = new PeerCapabilities(false, false, false);

    static PeerCapabilities announcedBy(List<VendorIdPayload> vendorIds) {
        boolean natTraversal = false;
        boolean fragmentation = false;
        boolean dpd = false;
        for (VendorIdPayload vid : vendorIds) {
            natTraversal |= VendorIds.announcesNatTraversal(vid.vendorId());
            fragmentation |= VendorIds.announcesFragmentation(vid.vendorId());
            dpd |= VendorIds.announcesDpd(vid.vendorId());
        }
        return new PeerCapabilities(natTraversal, fragmentation, dpd);
    }
}
