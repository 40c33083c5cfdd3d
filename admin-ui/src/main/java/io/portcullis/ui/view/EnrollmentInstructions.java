package io.portcullis.ui.view;

import io.portcullis.enrollment.peer.IdentityType;
import io.portcullis.enrollment.peer.Peer;

/**
 * Copy-ready enrollment instructions for a freshly issued one-time secret: curl + openssl over
 * the REST enrollment API, strongSwan {@code pki --scep}, and a Cisco IOS {@code crypto pki}
 * trustpoint. Each names exactly the registered identity, since the CA refuses anything else.
 */
public record EnrollmentInstructions(String rest, String strongswan, String cisco) {

    public static EnrollmentInstructions of(Peer peer, String secret, String publicUrl) {
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        String subject = subject(peer);
        String san = san(peer);
        String key = shellWord(peer.name) + ".key";
        String rest = "PORTCULLIS=" + base + "\n"
                + "SECRET='" + secret + "'\n"
                + "openssl req -new -newkey rsa:2048 -nodes -keyout " + key + " -subj " + shellQuote(subject)
                + (san.isEmpty() ? "" : " \\\n  -addext " + shellQuote("subjectAltName=" + san)) + " -out " + shellWord(peer.name) + ".csr\n"
                + "jq -n --arg secret \"$SECRET\" --rawfile csr " + shellWord(peer.name) + ".csr '{peer: " + jsonString(peer.name)
                + ", secret: $secret, csr: $csr}' |\n"
                + "  curl -s $PORTCULLIS/enroll/v1/csr -H 'Content-Type: application/json' -d @- | jq -r .certificate > "
                + shellWord(peer.name) + ".pem\n"
                + "curl -s $PORTCULLIS/enroll/v1/cacerts > ca-chain.pem";
        String strongswan = "pki --scepca --url " + base + "/scep --caout ca.crt --raout ra.crt\n"
                + "pki --gen --type rsa --size 2048 --outform pem > " + key + "\n"
                + "pki --scep --url " + base + "/scep --in " + key + " --dn " + shellQuote(subject)
                + (sanValue(peer).isEmpty() ? "" : " --san " + shellQuote(sanValue(peer))) + " \\\n"
                + "    --password '" + secret + "' --cacert-enc ra.crt --cacert-sig ra.crt --cacert ca.crt --cacert ca-1.crt \\\n"
                + "    --outform pem > " + shellWord(peer.name) + ".crt";
        String cisco = "crypto pki trustpoint PORTCULLIS\n"
                + " enrollment url " + base + "/scep\n"
                + " subject-name " + subject + "\n"
                + ciscoSan(peer)
                + " revocation-check crl\n"
                + " rsakeypair PORTCULLIS 2048\n"
                + " password " + secret + "\n"
                + "exit\n"
                + "crypto pki authenticate PORTCULLIS\n"
                + "crypto pki enroll PORTCULLIS";
        return new EnrollmentInstructions(rest, strongswan, cisco);
    }

    private static String subject(Peer peer) {
        return peer.identityType == IdentityType.DN ? peer.identityValue : "CN=" + peer.identityValue;
    }

    private static String san(Peer peer) {
        return switch (peer.identityType) {
            case FQDN -> "DNS:" + peer.identityValue;
            case IPV4, IPV6 -> "IP:" + peer.identityValue;
            case EMAIL -> "email:" + peer.identityValue;
            case DN -> "";
        };
    }

    private static String sanValue(Peer peer) {
        return peer.identityType == IdentityType.DN ? "" : peer.identityValue;
    }

    private static String ciscoSan(Peer peer) {
        return switch (peer.identityType) {
            case FQDN -> " fqdn " + peer.identityValue + "\n";
            case IPV4, IPV6 -> " ip-address " + peer.identityValue + "\n";
            default -> "";
        };
    }

    /** Single-quoted for POSIX shells; a quote inside becomes '\''. */
    static String shellQuote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    /** Peer names are [A-Za-z0-9._-]: already safe as one shell word and file name. */
    private static String shellWord(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static String jsonString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
