package io.portcullis.e2e.ike;

/**
 * The swanctl.conf of one IKEv1 connection from the strongSwan peer to the Portcullis gateway
 * (STRONGSWAN.md: Main Mode, RSA signatures, ESP in UDP), by default the enrolled peer
 * {@code branch1.test} tunnelling 203.0.113.0/24 to the gateway's 198.51.100.0/24. The
 * {@code with…} methods change one part; the extras are raw swanctl lines (one setting a line,
 * each ending in a newline) for the connection or its child.
 */
record SwanctlConnection(String name, String ikeProposals, String certificate, String id, String localTs,
        String espProposals, String connectionExtra, String childExtra) {

    static final String DEFAULT_PROPOSALS = "aes128-sha256-modp2048";

    static SwanctlConnection branch1(String name) {
        return new SwanctlConnection(name, DEFAULT_PROPOSALS, "branch1.crt", "branch1.test", "203.0.113.0/24",
                DEFAULT_PROPOSALS, "", "");
    }

    SwanctlConnection withEspProposals(String proposals) {
        return new SwanctlConnection(name, ikeProposals, certificate, id, localTs, proposals, connectionExtra, childExtra);
    }

    /** The same proposals for Main Mode and Quick Mode. */
    SwanctlConnection withProposals(String proposals) {
        return new SwanctlConnection(name, proposals, certificate, id, localTs, proposals, connectionExtra, childExtra);
    }

    SwanctlConnection withIdentity(String certificateFile, String peerId, String peerTs) {
        return new SwanctlConnection(name, ikeProposals, certificateFile, peerId, peerTs, espProposals, connectionExtra, childExtra);
    }

    SwanctlConnection withConnectionExtra(String lines) {
        return new SwanctlConnection(name, ikeProposals, certificate, id, localTs, espProposals, lines, childExtra);
    }

    SwanctlConnection withChildExtra(String lines) {
        return new SwanctlConnection(name, ikeProposals, certificate, id, localTs, espProposals, connectionExtra, lines);
    }

    String config() {
        return String.join("\n",
                "connections {",
                "  " + name + " {",
                "    version = 1",
                "    aggressive = no",
                "    remote_addrs = " + TwoNamespaces.GATEWAY_ADDRESS,
                "    proposals = " + ikeProposals,
                "    encap = yes",
                connectionExtra + "    local {",
                "      auth = pubkey",
                "      certs = " + certificate,
                "      id = " + id,
                "    }",
                "    remote {",
                "      auth = pubkey",
                "      id = gw.test",
                "    }",
                "    children {",
                "      " + name + " {",
                "        local_ts = " + localTs,
                "        remote_ts = 198.51.100.0/24",
                "        esp_proposals = " + espProposals,
                childExtra + "      }",
                "    }",
                "  }",
                "}", "");
    }
}
