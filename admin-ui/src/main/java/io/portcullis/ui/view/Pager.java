package io.portcullis.ui.view;

import io.portcullis.ca.paging.Page;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Previous/next links of a paged listing that keep the current filters. */
public record Pager(int page, int size, long total, String previousUrl, String nextUrl) {

    public static Pager of(Page<?> page, String basePath, Map<String, String> filters) {
        long pages = Math.max(1, (page.total() + page.size() - 1) / page.size());
        String prev = page.page() > 0 ? url(basePath, filters, page.page() - 1) : null;
        String next = page.page() + 1 < pages ? url(basePath, filters, page.page() + 1) : null;
        return new Pager(page.page(), page.size(), page.total(), prev, next);
    }

    public long first() {
        return total == 0 ? 0 : (long) page * size + 1;
    }

    public long last() {
        return Math.min(total, (long) (page + 1) * size);
    }

    private static String url(String basePath, Map<String, String> filters, int page) {
        Map<String, String> all = new LinkedHashMap<>();
        filters.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                all.put(k, v);
            }
        });
        all.put("page", Integer.toString(page));
        StringBuilder out = new StringBuilder(basePath);
        char sep = '?';
        for (var e : all.entrySet()) {
            out.append(sep).append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        return out.toString();
    }
}
