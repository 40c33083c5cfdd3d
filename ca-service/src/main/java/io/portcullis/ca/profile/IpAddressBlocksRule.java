package io.portcullis.ca.profile;

/**
 * Writes the RFC 3779 IP address delegation extension when the request carries one (the peer's
 * registered subnets, decided by enrollment, never by the CSR). Critical, as RFC 3779 §2.2.1 asks:
 * a relying party that cannot honour the constraint must not accept the certificate.
 */
public final class IpAddressBlocksRule implements ProfileRule {

    @Override
    public void apply(ProfileInput input, DraftBuilder draft) {
        input.ipAddressBlocks().ifPresent(blocks -> draft.addExtension(IpAddressBlocks.OID, true, blocks.toExtensionValue()));
    }
}
