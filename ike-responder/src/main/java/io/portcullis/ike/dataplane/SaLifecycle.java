package io.portcullis.ike.dataplane;

/**
 * What the data plane tells IKE about an SA pair's lifetime, by the inbound SPI the gateway chose
 * (the key IKE knows the pair by).
 */
public interface SaLifecycle {
    /** A soft limit (seconds or kilobytes) was reached: the pair should be rekeyed. */
    void softLimitReached(int inboundSpi);

    /** A hard limit was reached: the pair must go (DELETE notify to the peer). */
    void hardLimitReached(int inboundSpi);

    SaLifecycle NONE = new SaLifecycle() {
        @Override
        public void softLimitReached(int inboundSpi) {
        }

        @Override
        public void hardLimitReached(int inboundSpi) {
        }
    };
}
