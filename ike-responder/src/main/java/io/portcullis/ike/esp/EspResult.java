package io.portcullis.ike.esp;

import java.util.Optional;

/** What the encoder or decoder did with one packet. */
public sealed interface EspResult permits EspResult.Processed, EspResult.Dropped {

    /** A lifetime threshold this packet crossed on its SA, to pass on to IKE (rekey or delete). */
    LifetimeEvent lifetimeEvent();

    /**
     * The packet went through. Encoder: the ESP packet is {@code out[offset..offset+length)}.
     * Decoder: the inner IP packet is {@code out[offset..offset+length)}.
     */
    record Processed(SecurityAssociation sa, int offset, int length, LifetimeEvent lifetimeEvent)
            implements EspResult {
    }

    /** The packet was refused and counted under {@code reason}; {@code sa} is empty when none was found. */
    record Dropped(DropReason reason, Optional<SecurityAssociation> sa, LifetimeEvent lifetimeEvent)
            implements EspResult {
    }

    default boolean isProcessed() {
        return this instanceof Processed;
    }
}
