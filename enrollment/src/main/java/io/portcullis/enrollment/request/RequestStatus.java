package io.portcullis.enrollment.request;

import io.portcullis.ca.error.PortcullisException;
import java.util.Locale;

public enum RequestStatus {
    PENDING, ISSUED, REJECTED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RequestStatus parse(String value) {
        for (RequestStatus s : values()) {
            if (s.wireName().equalsIgnoreCase(value == null ? "" : value.strip())) {
                return s;
            }
        }
        throw PortcullisException.badRequest("invalid-status", "status must be pending, issued or rejected; got '" + value + "'");
    }
}
