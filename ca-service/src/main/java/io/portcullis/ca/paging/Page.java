package io.portcullis.ca.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a larger result; {@code total} counts every match, not just this page. */
public record Page<T>(List<T> items, int page, int size, long total) {

    /** The same page with each item converted, e.g. a stored row into what the caller shows. */
    public <R> Page<R> map(Function<? super T, ? extends R> convert) {
        return new Page<>(items.stream().<R>map(convert).toList(), page, size, total);
    }
}
