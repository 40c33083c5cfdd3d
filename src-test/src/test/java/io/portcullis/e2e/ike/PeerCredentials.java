package io.portcullis.e2e.ike;

import com.fasterxml.jackson.databind.JsonNode;
import io.portcullis.e2e.Openssl;
import io.portcullis.e2e.PackagedServer;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Keys and certificates for the strongSwan peers: from Portcullis over its REST API, or from a foreign CA made with openssl. */
final class PeerCredentials {

    private PeerCredentials() {
    }

    record Issued(BigInteger serial, Path certificate) {
    }

    /** An RSA-2048 key in {@code charonDir/private} and a certificate (profile {@code profile}) in {@code charonDir/x509}. */
    static Issued fromPortcullis(PackagedServer server, String token, Path charonDir, String name, String subject,
            String subjectAltName, String profile) throws IOException, InterruptedException {
        Path key = charonDir.resolve("private").resolve(name + ".key");
        Path csr = charonDir.resolve(name + ".csr");
        String[] args = subjectAltName == null
                ? new String[] {"req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-subj", subject,
                        "-out", csr.toString()}
                : new String[] {"req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-subj", subject,
                        "-addext", "subjectAltName=" + subjectAltName, "-out", csr.toString()};
        Openssl.ok(charonDir, args);
        JsonNode issued = server.json("POST", "/api/v1/certificates", token,
                Map.of("csr", Files.readString(csr), "profile", profile), 201);
        Path certificate = charonDir.resolve("x509").resolve(name + ".crt");
        Files.writeString(certificate, issued.get("certificate").asText());
        return new Issued(new BigInteger(issued.get("serial").asText(), 16), certificate);
    }

    /**
     * A gateway enrolled as a peer would be: the administrator registers it (identity, subnets) over
     * the admin API, the gateway sends its CSR with the one-time secret to {@code /enroll/v1/csr};
     * the certificate carries the subnets as an RFC 3779 delegation. Key in {@code private/NAME.key},
     * certificate in {@code x509/NAME.crt}.
     */
    static Path enrolled(PackagedServer server, String token, Path charonDir, String name, String identityType,
            String identity, String subject, String subjectAltName, String subnet) throws IOException, InterruptedException {
        String secret = server.json("POST", "/api/v1/peers", token, Map.of("name", name,
                "identity", Map.of("type", identityType, "value", identity), "subnets", java.util.List.of(subnet),
                "profile", "ike-gateway", "approval", "auto"), 201).get("enrollmentSecret").asText();
        Path key = charonDir.resolve("private").resolve(name + ".key");
        Path csr = charonDir.resolve(name + ".csr");
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("req", "-new", "-newkey", "rsa:2048", "-nodes",
                "-keyout", key.toString(), "-subj", subject, "-out", csr.toString()));
        if (subjectAltName != null) {
            args.addAll(java.util.List.of("-addext", "subjectAltName=" + subjectAltName));
        }
        Openssl.ok(charonDir, args.toArray(String[]::new));
        JsonNode issued = server.json("POST", "/enroll/v1/csr", null, Map.of("peer", name, "secret", secret,
                "csr", Files.readString(csr)), 201);
        Path certificate = charonDir.resolve("x509").resolve(name + ".crt");
        Files.writeString(certificate, issued.get("certificate").asText());
        return certificate;
    }

    /** A CA of its own (trusted by nobody at the gateway) and a peer certificate from it, like Portcullis' ike-gateway ones. */
    static void fromForeignCa(Path charonDir, String name, String subjectAltName) throws IOException, InterruptedException {
        Path work = Files.createDirectories(charonDir.resolve("foreign-ca"));
        Openssl.ok(work, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem",
                "-days", "30", "-subj", "/CN=Foreign Test CA", "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        Path key = charonDir.resolve("private").resolve(name + ".key");
        Openssl.ok(work, "req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-subj",
                "/CN=" + name, "-out", "peer.csr");
        Files.writeString(work.resolve("ext.cnf"), "subjectAltName=" + subjectAltName + "\n"
                + "keyUsage=critical,digitalSignature,keyEncipherment\n"
                + "extendedKeyUsage=serverAuth,clientAuth,1.3.6.1.5.5.7.3.17\n");
        Openssl.ok(work, "x509", "-req", "-in", "peer.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-days", "30", "-extfile", "ext.cnf", "-out", charonDir.resolve("x509").resolve(name + ".crt").toString());
    }

    /**
     * A strongSwan configuration directory below {@code dir} ({@code x509ca}, {@code x509}, {@code private})
     * that trusts the server's CA: its root and issuing certificates in {@code x509ca}.
     */
    static Path charonDirectory(PackagedServer server, Path dir) throws IOException, InterruptedException {
        for (String sub : java.util.List.of("x509ca", "x509", "private")) {
            Files.createDirectories(dir.resolve(sub));
        }
        pem(dir.resolve("x509ca").resolve("issuing.pem"), server.getBytes("/pki/issuing-ca.crt"));
        pem(dir.resolve("x509ca").resolve("root.pem"), server.getBytes("/pki/root-ca.crt"));
        return dir;
    }

    /** A DER certificate written as PEM. */
    static Path pem(Path file, byte[] der) throws IOException {
        String body = java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        Files.writeString(file, "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n");
        return file;
    }
}
