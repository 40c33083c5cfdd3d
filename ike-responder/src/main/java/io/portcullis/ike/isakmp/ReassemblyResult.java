package io.portcullis.ike.isakmp;

import java.util.Objects;

/** What {@link FragmentReassembler#offer} did with one fragment. */
public sealed interface ReassemblyResult {

    /** Stored; more fragments are needed. */
    record Pending() implements ReassemblyResult {
    }

    /** The last missing fragment arrived: the complete encoded message, to decode anew. */
    record Complete(Bytes message) implements ReassemblyResult {
        public Complete {
            Objects.requireNonNull(message, "message");
        }
    }

    /** Not used; for anything but a duplicate the whole incomplete message was discarded. */
    record Dropped(Reason reason) implements ReassemblyResult {
        public Dropped {
            Objects.requireNonNull(reason, "reason");
        }
    }

    enum Reason {
        /** A fragment number already held (a retransmission); the held copy stays. */
        DUPLICATE,
        /** A fragment number above the per-message limit. */
        TOO_MANY_FRAGMENTS,
        /** The message would exceed the per-message byte limit. */
        MESSAGE_TOO_LARGE,
        /** Fragments disagree on which is last. */
        INCONSISTENT_LAST
    }
}
