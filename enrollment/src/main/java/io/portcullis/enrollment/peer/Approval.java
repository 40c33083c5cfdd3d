package io.portcullis.enrollment.peer;

import io.portcullis.ca.error.PortcullisException;
import java.util.Locale;

/** Whether a peer's enrollment is issued at once or waits for an operator. */
public enum Approval {
    AUTO, MANUAL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Approval parse(String value) {
        if (value == null || value.isBlank()) {
            return AUTO;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "auto" -> AUTO;
            case "manual" -> MANUAL;
            default -> throw PortcullisException.badRequest("invalid-approval", "approval must be auto or manual; got '" + value + "'");
        };
    }
}
