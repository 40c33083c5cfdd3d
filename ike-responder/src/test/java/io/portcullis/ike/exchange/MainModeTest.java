package io.portcullis.ike.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.ike.harness.IkeInitiator;
import io.portcullis.ike.harness.InitiatorSuite;
import io.portcullis.ike.harness.QuickModeInitiator;
import org.junit.jupiter.api.Test;

class MainModeTest {

    @Test
    void strongSwanDefaultSuiteEstablishesIkeAndIpsecSa() {
        Gateway gateway = new Gateway();
        IkeInitiator initiator = new IkeInitiator(InitiatorSuite.strongSwanDefault(), 1);
        IkeOutput six = gateway.mainMode(initiator);
        assertThat(six.events()).hasAtLeastOneElementOfType(IkeEvent.IkeSaEstablished.class);
        IkeOutput three = gateway.quickMode(new QuickModeInitiator(initiator, Gateway.defaultChild(), 0x1234));
        assertThat(three.events()).singleElement().isInstanceOf(ChildSaEstablished.class);
        assertThat(gateway.responder.ikeSas()).singleElement().satisfies(v -> assertThat(v.children()).hasSize(1));
    }
}
