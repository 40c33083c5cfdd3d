package io.portcullis.ca.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFileTest {

    @TempDir
    Path dir;

    @Test
    void generatedSecretIsOwnerOnlyAndStable() throws Exception {
        SecretFile file = new SecretFile(dir.resolve("secret"));
        String first = file.readOrCreate(new SecureRandom());
        assertThat(first).hasSizeGreaterThanOrEqualTo(43);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path()))).isEqualTo("rw-------");
        assertThat(new SecretFile(dir.resolve("secret")).readOrCreate(new SecureRandom())).isEqualTo(first);
    }

    @Test
    void racingCreatorsAllSeeOneSecret() throws Exception {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 32; i++) {
            pool.submit(() -> seen.add(new SecretFile(dir.resolve("raced")).readOrCreate(new SecureRandom())));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(seen).hasSize(1);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("raced");
        }
    }
}
