package io.portcullis.ca.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem detail, the body of every error response. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:portcullis:problem:";

    public static Problem of(String slug, String title, int status, String detail, String instance) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, instance);
    }
}
