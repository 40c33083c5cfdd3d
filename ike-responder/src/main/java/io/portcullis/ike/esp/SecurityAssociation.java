package io.portcullis.ike.esp;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * One direction of an ESP tunnel SA (RFC 4301 §4.4.2): SPI, algorithms and keys, traffic selectors,
 * and its mutable state — the outbound sequence counter or the inbound anti-replay window, lifetime
 * counters and per-reason drop counters. Thread-safe: all state is atomic or behind the window's lock.
 */
public final class SecurityAssociation {
    public enum Direction { INBOUND, OUTBOUND }

    /** Largest 32-bit sequence number; the SA never wraps past it (RFC 4303 §3.3.3). */
    public static final long MAX_SEQUENCE = 0xFFFF_FFFFL;

    private final int spi;
    private final Direction direction;
    private final EspTransform transform;
    private final EspCryptoSuite crypto;
    private final TrafficSelector local;
    private final TrafficSelector remote;
    private final ReplayWindow replayWindow;
    private final AtomicLong lastSequence = new AtomicLong();
    private final SaLifetime lifetime;
    private final LongAdder[] drops = new LongAdder[DropReason.values().length];

    private SecurityAssociation(Builder b) throws GeneralSecurityException {
        this.spi = b.spi;
        this.direction = b.direction;
        this.transform = Objects.requireNonNull(b.transform, "transform");
        this.local = Objects.requireNonNull(b.local, "local selector");
        this.remote = Objects.requireNonNull(b.remote, "remote selector");
        EspKeys keys = EspKeys.fromKeymat(transform, Objects.requireNonNull(b.keymat, "keymat"));
        if (transform.encryption() == EspTransform.Encryption.AES_GCM_16) {
            this.crypto = new GcmSuite(keys);
        } else {
            // Only a sender draws CBC IVs; a receiver reads them from the packet.
            SecureRandom random = direction == Direction.OUTBOUND ? Objects.requireNonNull(b.random, "random") : null;
            this.crypto = new CbcHmacSuite(transform, keys, random);
        }
        crypto.selfCheck();
        this.replayWindow = direction == Direction.INBOUND ? new ReplayWindow(b.replayWindowSize) : null;
        this.lifetime = new SaLifetime(b.limits, Objects.requireNonNull(b.clock, "clock"));
        for (int i = 0; i < drops.length; i++) {
            drops[i] = new LongAdder();
        }
    }

    public static Builder inbound(int spi) {
        return new Builder(spi, Direction.INBOUND);
    }

    public static Builder outbound(int spi) {
        return new Builder(spi, Direction.OUTBOUND);
    }

    public int spi() {
        return spi;
    }

    public Direction direction() {
        return direction;
    }

    public EspTransform transform() {
        return transform;
    }

    public TrafficSelector localSelector() {
        return local;
    }

    public TrafficSelector remoteSelector() {
        return remote;
    }

    public SaLifetime lifetime() {
        return lifetime;
    }

    /** Highest sequence number sent (outbound) or accepted (inbound). */
    public long highestSequence() {
        return direction == Direction.OUTBOUND ? Math.min(lastSequence.get(), MAX_SEQUENCE) : replayWindow.highest();
    }

    /** Outbound: true once 2^32-1 has been sent; the SA must be replaced. */
    public boolean isSequenceExhausted() {
        return direction == Direction.OUTBOUND && lastSequence.get() >= MAX_SEQUENCE;
    }

    public long drops(DropReason reason) {
        return drops[reason.ordinal()].sum();
    }

    EspCryptoSuite crypto() {
        return crypto;
    }

    ReplayWindow replayWindow() {
        return replayWindow;
    }

    void countDrop(DropReason reason) {
        drops[reason.ordinal()].increment();
    }

    /** Next outbound sequence number, or -1 when the 32-bit space is used up. Never wraps. */
    long nextSequence() {
        long next = lastSequence.incrementAndGet();
        if (next > MAX_SEQUENCE) {
            lastSequence.set(MAX_SEQUENCE + 1); // keep the counter parked, far from any long overflow
            return -1;
        }
        return next;
    }

    /** Test hook: pretend {@code last} packets were sent already. */
    void skipSequenceTo(long last) {
        lastSequence.set(last);
    }

    /**
     * Tunnel-mode selector check (RFC 4301 §5.1/§5.2): outbound the inner source is local and the
     * destination remote; inbound the other way round.
     */
    boolean covers(InnerPacket packet) {
        boolean out = direction == Direction.OUTBOUND;
        TrafficSelector sourceSide = out ? local : remote;
        TrafficSelector destinationSide = out ? remote : local;
        return sourceSide.matches(packet, true) && destinationSide.matches(packet, false);
    }

    @Override
    public String toString() {
        return String.format("SA[%s spi=%08x %s %s<->%s]", direction, spi, transform, local, remote);
    }

    public static final class Builder {
        private final int spi;
        private final Direction direction;
        private EspTransform transform;
        private byte[] keymat;
        private TrafficSelector local;
        private TrafficSelector remote;
        private int replayWindowSize = ReplayWindow.DEFAULT_SIZE;
        private LifetimeLimits limits = LifetimeLimits.unlimited();
        private Clock clock;
        private SecureRandom random;

        private Builder(int spi, Direction direction) {
            // RFC 4303 §2.1: SPI 0 is never sent and 1..255 are reserved by IANA.
            if (Integer.compareUnsigned(spi, 256) < 0) {
                throw new IllegalArgumentException("SPI " + spi + " is reserved");
            }
            this.spi = spi;
            this.direction = direction;
        }

        public Builder transform(EspTransform transform) {
            this.transform = transform;
            return this;
        }

        /** KEYMAT for this direction (RFC 2409 §5.5); copied and split at build time. */
        public Builder keymat(byte[] keymat) {
            this.keymat = keymat.clone();
            return this;
        }

        public Builder selectors(TrafficSelector local, TrafficSelector remote) {
            this.local = local;
            this.remote = remote;
            return this;
        }

        public Builder replayWindowSize(int size) {
            this.replayWindowSize = size;
            return this;
        }

        public Builder lifetime(LifetimeLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Source of CBC IVs (RFC 3602 §3: unpredictable); required for outbound CBC, unused otherwise. */
        public Builder random(SecureRandom random) {
            this.random = random;
            return this;
        }

        /** @throws GeneralSecurityException if the provider lacks the algorithm or refuses the keys */
        public SecurityAssociation build() throws GeneralSecurityException {
            return new SecurityAssociation(this);
        }
    }
}
