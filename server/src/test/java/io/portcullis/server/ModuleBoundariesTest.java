package io.portcullis.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module map of docs/architecture.md, checked against the imports of the main sources: no
 * module but ca-service touches ca-service's entities and repositories (ca.store, the account
 * entity); they read through the narrow interfaces ca-service publishes. Prints which ca-service
 * packages each module uses, so the dependency graph can be read off the build log.
 */
class ModuleBoundariesTest {

    private static final List<String> CONSUMERS = List.of("admin-ui", "crl-ocsp", "enrollment", "ike-responder", "server");
    private static final Pattern CA_IMPORT = Pattern.compile("^import (?:static )?(io\\.portcullis\\.ca\\.[a-z]+)\\.([A-Za-z]+)", Pattern.MULTILINE);
    /** ca-service's persistence: only ca-service itself may import these. */
    private static final Set<String> PRIVATE = Set.of("io.portcullis.ca.store", "io.portcullis.ca.auth.UserAccount",
            "io.portcullis.ca.auth.UserAccountRepository");

    @Test
    void noOtherModuleImportsTheCaStoreEntitiesOrRepositories() {
        Path root = repositoryRoot();
        Map<String, Set<String>> graph = new TreeMap<>();
        Map<String, Set<String>> violations = new TreeMap<>();
        for (String module : CONSUMERS) {
            Set<String> used = new TreeSet<>();
            for (Path source : javaSources(root.resolve(module).resolve("src/main/java"))) {
                Matcher m = CA_IMPORT.matcher(read(source));
                while (m.find()) {
                    used.add(m.group(1));
                    if (PRIVATE.contains(m.group(1)) || PRIVATE.contains(m.group(1) + "." + m.group(2))) {
                        violations.computeIfAbsent(module, k -> new TreeSet<>()).add(root.relativize(source) + " imports " + m.group(1) + "." + m.group(2));
                    }
                }
            }
            graph.put(module, used);
        }
        graph.forEach((module, packages) -> System.out.println("module " + module + " -> ca-service " + packages));
        assertThat(violations).as("main sources importing ca-service's persistence").isEmpty();
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("ca-service/src/main/java"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no ca-service module above " + Path.of("").toAbsolutePath());
    }

    private static List<Path> javaSources(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
