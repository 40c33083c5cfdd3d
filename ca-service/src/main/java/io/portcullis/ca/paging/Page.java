package io.portcullis.ca.paging;

import java.util.List;

/** One page of a larger result; {@code total} counts every match, not just this page. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
