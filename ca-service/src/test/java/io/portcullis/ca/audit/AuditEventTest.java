package io.portcullis.ca.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditEventTest {

    @Test
    void overlongHostileFieldsAreClippedNotLost() {
        AuditEvent event = AuditEvent.failure("x".repeat(10_000), "auth.login", "t".repeat(10_000), "d".repeat(100_000));
        assertThat(event.actor()).hasSize(128).endsWith("…");
        assertThat(event.target()).hasSize(512);
        assertThat(event.details()).hasSize(4000);
    }

    @Test
    void missingActorIsRecordedAsAnonymous() {
        assertThat(AuditEvent.success(null, "auth.login", null, null).actor()).isEqualTo("anonymous");
    }
}
