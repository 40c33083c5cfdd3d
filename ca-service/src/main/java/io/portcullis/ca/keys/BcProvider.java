package io.portcullis.ca.keys;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * One Bouncy Castle provider instance for the whole CA. It is passed explicitly to the builders
 * that need it and never registered with {@code Security.addProvider}, so it cannot change which
 * implementation unrelated JDK code (TLS, Quarkus) picks up.
 */
public final class BcProvider {

    public static final Provider INSTANCE = new BouncyCastleProvider();

    private BcProvider() {
    }
}
