package io.portcullis.ui.view;

import io.quarkus.qute.TemplateGlobal;
import java.util.List;

/** The fixed option lists of the UI's select boxes, available in every template. */
@TemplateGlobal
public final class Choices {

    static final List<String> identityTypes = List.of("fqdn", "ipv4", "ipv6", "email", "dn");
    static final List<String> peerProfiles = List.of("ike-gateway", "tls-server");
    static final List<String> approvals = List.of("auto", "manual");
    static final List<String> requestStatuses = List.of("pending", "issued", "rejected", "all");
    static final List<String> certificateStatuses = List.of("", "valid", "revoked", "on_hold", "expired");

    private Choices() {
    }
}
