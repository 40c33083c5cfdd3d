package io.portcullis.ike.exchange;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

/**
 * Allocates inbound ESP SPIs: random (so they reveal nothing and are hard to guess for blind
 * injection), never 0..255 (RFC 4303 §2.1), and unique among the SPIs in use.
 */
public final class SpiAllocator {

    private final SecureRandom random;
    private final Set<Integer> inUse = new HashSet<>();

    public SpiAllocator(SecureRandom random) {
        this.random = random;
    }

    public synchronized int allocate() {
        while (true) {
            int spi = random.nextInt();
            if (Integer.compareUnsigned(spi, 256) >= 0 && inUse.add(spi)) {
                return spi;
            }
        }
    }

    public synchronized void release(int spi) {
        inUse.remove(spi);
    }

    public synchronized int inUse() {
        return inUse.size();
    }
}
