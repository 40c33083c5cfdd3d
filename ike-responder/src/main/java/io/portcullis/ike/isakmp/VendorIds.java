package io.portcullis.ike.isakmp;

/**
 * Vendor ID payload contents that matter to an IKEv1 responder talking to strongSwan.
 * Values are MD5 hashes of well-known strings, as published in the cited documents.
 */
public final class VendorIds {

    /** RFC 3706 dead peer detection, version 1.0 (the last two bytes). */
    public static final Bytes DPD = Bytes.fromHex("afcad71368a1f1c96b8696fc77570100");
    /** RFC 3947 NAT traversal: MD5("RFC 3947"). */
    public static final Bytes NAT_T_RFC3947 = Bytes.fromHex("4a131c81070358455c5728f20e95452f");
    /** draft-ietf-ipsec-nat-t-ike-03: peers speaking it use encapsulation modes 61443/61444. */
    public static final Bytes NAT_T_DRAFT_03 = Bytes.fromHex("7d9419a65310ca6f2c179d9215529d56");
    /** draft-ietf-ipsec-nat-t-ike-02. */
    public static final Bytes NAT_T_DRAFT_02 = Bytes.fromHex("cd60464335df21f87cfdb2fc68b6a448");
    /** draft-ietf-ipsec-nat-t-ike-02 with a trailing newline in the hashed string (a known typo). */
    public static final Bytes NAT_T_DRAFT_02_N = Bytes.fromHex("90cb80913ebb696e086381b5ec427b1f");
    /**
     * The Cisco IKE fragmentation vendor ID, MD5("FRAGMENTATION"), followed by the capability
     * word 0x80000000 ("fragmentation of Main and Aggressive Mode messages"), exactly as
     * strongSwan sends it.
     */
    public static final Bytes FRAGMENTATION = Bytes.fromHex("4048b7d56ebce88525e7de7f00d6c2d380000000");
    /** The 16-byte hash without capabilities, as Windows peers send it. */
    public static final Bytes FRAGMENTATION_HASH = Bytes.fromHex("4048b7d56ebce88525e7de7f00d6c2d3");
    /** MD5("strongSwan"), sent by strongSwan only when configured to. */
    public static final Bytes STRONGSWAN = Bytes.fromHex("882fe56d6fd20dbc2251613b2ebe5beb");

    private static final long FRAGMENTATION_IKE_CAPABILITY = 0x8000_0000L;

    private VendorIds() {
    }

    /**
     * Whether a vendor ID announces IKE fragmentation support: the bare hash, or the hash
     * with a capability word that has the "Main/Aggressive Mode" bit set.
     */
    public static boolean announcesFragmentation(Bytes vendorId) {
        if (vendorId.length() != 16 && vendorId.length() != 20) {
            return false;
        }
        for (int i = 0; i < 16; i++) {
            if (vendorId.get(i) != FRAGMENTATION_HASH.get(i)) {
                return false;
            }
        }
        if (vendorId.length() == 16) {
            return true;
        }
        long capabilities = 0;
        for (int i = 16; i < 20; i++) {
            capabilities = (capabilities << 8) | (vendorId.get(i) & 0xFF);
        }
        return (capabilities & FRAGMENTATION_IKE_CAPABILITY) != 0;
    }

    public static boolean announcesDpd(Bytes vendorId) {
        return DPD.equals(vendorId);
    }

    /** RFC 3947 NAT-T (draft versions are recognised by their own constants). */
    public static boolean announcesNatTraversal(Bytes vendorId) {
        return NAT_T_RFC3947.equals(vendorId);
    }
}
