package io.portcullis.ca.authority;

import java.util.List;

/** Read-only view of the CA hierarchy: which CAs exist and their certificates. */
public interface CaDirectory {

    List<CaCertificate> all();

    /** The CA {@code caId} followed by its parents up to the root; empty for an unknown id. */
    List<CaCertificate> chainFrom(String caId);
}
