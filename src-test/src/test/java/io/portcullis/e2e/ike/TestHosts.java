package io.portcullis.e2e.ike;

import static org.junit.jupiter.api.Assertions.fail;

import io.portcullis.e2e.PackagedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Starting and stopping what the IKE end-to-end tests run: unprivileged servers, and their hosts in order. */
final class TestHosts {

    private TestHosts() {
    }

    /**
     * The packaged server as the user nobody (through setpriv) on loopback, data under {@code tmp}, IKE on
     * as {@code fqdn:gw.test}, plus {@code env}. Needs root to drop privileges: fails, never skips, without it.
     */
    static PackagedServer startAsNobody(Path tmp, Map<String, String> env, String adminPassword) throws Exception {
        if (!Commands.run("id", "-u").output().strip().equals("0")) {
            fail("this test drops from root to the user nobody; run ./bin/test as root (CI does)");
        }
        Path data = tmp.resolve("data");
        Files.createDirectories(data);
        for (Path p : List.of(tmp, data)) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxrwxrwx"));
        }
        Map<String, String> all = new HashMap<>(Map.of("PORTCULLIS_IKE_ENABLED", "true", "PORTCULLIS_IKE_ID", "fqdn:gw.test",
                "PORTCULLIS_ADMIN_PASSWORD", adminPassword, "HOME", tmp.toString()));
        all.putAll(env);
        return PackagedServer.start(data, all, List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"), "127.0.0.1");
    }

    /** Fails (never skips) unless this runs as root with every one of these executables installed. */
    static void requireRootAndTools(String... tools) throws Exception {
        if (!Commands.run("id", "-u").output().strip().equals("0")) {
            fail("this test needs root (network namespaces, TUN, UDP 500/4500); run ./bin/test as root");
        }
        for (String tool : tools) {
            if (!Files.isExecutable(Path.of(tool))) {
                fail(tool + " is missing: install the packages listed in bin/test or run ./bin/test as root, which installs them");
            }
        }
    }

    /** Closes each in turn (nulls skipped), every one even when an earlier one fails; the first failure is rethrown. */
    static void closeAll(AutoCloseable... resources) throws Exception {
        Exception first = null;
        for (AutoCloseable resource : resources) {
            if (resource == null) {
                continue;
            }
            try {
                resource.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** The last 60 lines of a log, for failure messages. */
    static String tail(String log) {
        return io.portcullis.e2e.PackagedServer.tail(log);
    }
}
