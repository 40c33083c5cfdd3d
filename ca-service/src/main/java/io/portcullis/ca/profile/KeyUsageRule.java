package io.portcullis.ca.profile;

import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;

/**
 * Key usage, always critical (RFC 5280 4.2.1.3 SHOULD, CA/B BR MUST). keyEncipherment is added
 * only for RSA keys: it means "encrypt a key to this public key", which EC keys cannot do, and
 * OpenSSL/strongSwan-era RSA key transport still expects it.
 */
public final class KeyUsageRule implements ProfileRule {

    private final int usage;
    private final int extraForRsa;

    public KeyUsageRule(int usage, int extraForRsa) {
        this.usage = usage;
        this.extraForRsa = extraForRsa;
    }

    public static KeyUsageRule of(int usage) {
        return new KeyUsageRule(usage, 0);
    }

    @Override
    public void apply(ProfileInput input, DraftBuilder draft) {
        int bits = draft.hasRsaKey() ? usage | extraForRsa : usage;
        draft.addExtension(Extension.keyUsage, true, new KeyUsage(bits));
    }
}
