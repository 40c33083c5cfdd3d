package io.portcullis.enrollment.scep;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/** The SCEP authenticated attributes (RFC 8894 §3.2.1). */
public final class ScepOids {

    private static final ASN1ObjectIdentifier VERISIGN_SCEP = new ASN1ObjectIdentifier("2.16.840.1.113733.1.9");
    public static final ASN1ObjectIdentifier MESSAGE_TYPE = VERISIGN_SCEP.branch("2");
    public static final ASN1ObjectIdentifier PKI_STATUS = VERISIGN_SCEP.branch("3");
    public static final ASN1ObjectIdentifier FAIL_INFO = VERISIGN_SCEP.branch("4");
    public static final ASN1ObjectIdentifier SENDER_NONCE = VERISIGN_SCEP.branch("5");
    public static final ASN1ObjectIdentifier RECIPIENT_NONCE = VERISIGN_SCEP.branch("6");
    public static final ASN1ObjectIdentifier TRANSACTION_ID = VERISIGN_SCEP.branch("7");
    /** id-scep-failInfoText (RFC 8894 §3.2.1.4). */
    public static final ASN1ObjectIdentifier FAIL_INFO_TEXT = new ASN1ObjectIdentifier("1.3.6.1.5.5.7.24.1");

    private ScepOids() {
    }
}
