package io.portcullis.ike.runtime;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Locale;

/** The one log line an operator reads when the IKE sockets cannot be bound, with the remedy. */
final class BindFailure {

    private BindFailure() {
    }

    static String describe(InetSocketAddress address, IOException failure) {
        String message = String.valueOf(failure.getMessage());
        String lower = message.toLowerCase(Locale.ROOT);
        String where = "UDP " + (address.getAddress().isAnyLocalAddress() ? "port " + address.getPort() : address);
        if (lower.contains("permission denied") || lower.contains("access denied")) {
            return "IKE responder disabled: no privilege to bind " + where + " (ports below 1024 need root or"
                    + " CAP_NET_BIND_SERVICE). Remedy: run as root, or `setcap cap_net_bind_service=+ep"
                    + " $(readlink -f $(which java))`, or set PORTCULLIS_IKE_PORT and PORTCULLIS_IKE_NATT_PORT above 1024."
                    + " The rest of Portcullis keeps running.";
        }
        if (lower.contains("in use")) {
            return "IKE responder disabled: " + where + " is already in use (another IKE daemon such as charon?)."
                    + " Remedy: stop it, or set PORTCULLIS_IKE_PORT / PORTCULLIS_IKE_NATT_PORT /"
                    + " PORTCULLIS_IKE_ADDRESS. The rest of Portcullis keeps running.";
        }
        return "IKE responder disabled: cannot bind " + where + ": " + message
                + ". Remedy: check PORTCULLIS_IKE_ADDRESS / PORTCULLIS_IKE_PORT / PORTCULLIS_IKE_NATT_PORT."
                + " The rest of Portcullis keeps running.";
    }
}
