package io.portcullis.server.durability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DurabilityRulesTest {

    @Test
    void statementsThatChangeDataAreRecognisedBehindWhiteSpaceAndComments() {
        assertThat(WriteStatements.changesData("insert into certificate (serial) values (?)")).isTrue();
        assertThat(WriteStatements.changesData("  \n UPDATE certificate set status=? where serial=?")).isTrue();
        assertThat(WriteStatements.changesData("/* revoke */ delete from ocsp_cache where id=?")).isTrue();
        assertThat(WriteStatements.changesData("-- comment\nmerge into app_lock key(name) values (?)")).isTrue();
        assertThat(WriteStatements.changesData("select name from app_lock where name = ? for update")).isFalse();
        assertThat(WriteStatements.changesData("/* insert */ select 1")).isFalse();
        assertThat(WriteStatements.changesData("insertion")).isFalse();
        assertThat(WriteStatements.changesData("")).isFalse();
        assertThat(WriteStatements.changesData("/* unterminated")).isFalse();
        assertThat(WriteStatements.changesData("   ")).isFalse();
    }

    @Test
    void onlyAnEmbeddedH2FileDatabaseNeedsTheGroupCommit() {
        assertThat(EmbeddedH2Durability.isEmbeddedH2File("h2", "jdbc:h2:file:./data/db/portcullis;WRITE_DELAY=0")).isTrue();
        assertThat(EmbeddedH2Durability.isEmbeddedH2File("h2", "jdbc:h2:./data/db/portcullis")).isTrue();
        assertThat(EmbeddedH2Durability.isEmbeddedH2File("h2", "jdbc:h2:mem:portcullis-test")).isFalse();
        assertThat(EmbeddedH2Durability.isEmbeddedH2File("postgresql", "jdbc:postgresql://localhost/portcullis")).isFalse();
    }

    @Test
    void postgresThatAcknowledgesBeforeTheDiskIsRefusedWithTheRemedy() {
        assertThat(PostgresDurabilityCheck.refusal("on", "on")).isNull();
        assertThat(PostgresDurabilityCheck.refusal("local", "on")).isNull();
        assertThat(PostgresDurabilityCheck.refusal("remote_apply", "on")).isNull();
        assertThat(PostgresDurabilityCheck.refusal("off", "on")).contains("synchronous_commit = off").contains("ALTER ROLE");
        assertThat(PostgresDurabilityCheck.refusal("on", "off")).contains("fsync = off");
    }
}
