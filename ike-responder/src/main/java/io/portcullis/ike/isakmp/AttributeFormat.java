package io.portcullis.ike.isakmp;

/**
 * The two wire forms of an ISAKMP data attribute (RFC 2408 §3.3), chosen by the AF bit. A closed
 * enum on purpose: the bit has exactly two values, unlike the open protocol numbers.
 */
public enum AttributeFormat {
    /** AF = 1: a 16-bit value in the header ("TV"). */
    BASIC,
    /** AF = 0: a 16-bit length followed by that many value bytes ("TLV"). */
    VARIABLE
}
