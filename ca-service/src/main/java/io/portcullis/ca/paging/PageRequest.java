package io.portcullis.ca.paging;

import io.portcullis.ca.error.PortcullisException;

/** A validated page request: page ≥ 0, 1 ≤ size ≤ {@link #MAX_SIZE}. */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public PageRequest {
        if (page < 0) {
            throw PortcullisException.badRequest("invalid-page", "page must be 0 or more, got " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw PortcullisException.badRequest("invalid-page-size", "size must be between 1 and " + MAX_SIZE + ", got " + size);
        }
    }

    public static PageRequest of(Integer page, Integer size) {
        return new PageRequest(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    public int offset() {
        return Math.multiplyExact(page, size);
    }

    /** Escapes LIKE wildcards so user text is matched literally (the queries use '\' as escape). */
    public static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
