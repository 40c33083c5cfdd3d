package io.portcullis.ca.profile;

import io.portcullis.ca.error.PortcullisException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Sets notBefore/notAfter. notBefore is backdated by {@link #BACKDATE} so a peer whose clock runs
 * a little behind can use the certificate at once, but never before the issuer's notBefore.
 * The period is counted from notBefore and notAfter is inclusive (RFC 5280 4.1.2.5), so a
 * 398-day request yields exactly 398 days, backdating included. notAfter is clamped to the
 * issuer's notAfter: a certificate must not outlive the CA that vouches for it.
 */
public final class ValidityRule implements ProfileRule {

    static final Duration BACKDATE = Duration.ofMinutes(1);

    private final Duration defaultValidity;
    private final Duration maxValidity;

    public ValidityRule(Duration defaultValidity, Duration maxValidity) {
        if (defaultValidity.compareTo(maxValidity) > 0) {
            throw PortcullisException.internal("profile-misconfigured", "default validity exceeds the maximum", null);
        }
        this.defaultValidity = defaultValidity;
        this.maxValidity = maxValidity;
    }

    @Override
    public void apply(ProfileInput input, DraftBuilder draft) {
        Duration validity = input.requestedValidity().orElse(defaultValidity);
        if (validity.compareTo(Duration.ofSeconds(1)) < 0) {
            throw PortcullisException.badRequest("invalid-validity", "the requested validity must be at least one second");
        }
        if (validity.compareTo(maxValidity) > 0) {
            throw PortcullisException.badRequest("validity-too-long",
                    "requested validity " + describe(validity) + " exceeds this profile's maximum of " + describe(maxValidity));
        }
        Instant issuerNotBefore = input.issuer().getNotBefore().toInstant();
        Instant issuerNotAfter = input.issuer().getNotAfter().toInstant();
        Instant notBefore = latest(input.now().minus(BACKDATE), issuerNotBefore).truncatedTo(ChronoUnit.SECONDS);
        if (!input.now().isBefore(issuerNotAfter)) {
            throw PortcullisException.internal("issuer-expired", "the issuing CA expired at " + issuerNotAfter, null);
        }
        Instant notAfter = notBefore.plus(validity).minusSeconds(1);
        if (notAfter.isAfter(issuerNotAfter)) {
            notAfter = issuerNotAfter;
        }
        draft.validity(notBefore, notAfter);
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static String describe(Duration duration) {
        return duration.toDays() >= 1 ? duration.toDays() + " days" : duration.toSeconds() + " seconds";
    }
}
