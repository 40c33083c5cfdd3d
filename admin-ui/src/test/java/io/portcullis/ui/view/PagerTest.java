package io.portcullis.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.ca.paging.Page;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PagerTest {

    @Test
    void linksKeepTheFiltersEncodedAndStopAtTheEnds() {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("q", "a&b c");
        filters.put("status", "");
        Pager first = Pager.of(new Page<>(List.of(), 0, 25, 60), "/ui/certificates", filters);
        assertThat(first.previousUrl()).isNull();
        assertThat(first.nextUrl()).isEqualTo("/ui/certificates?q=a%26b+c&page=1");
        assertThat(first.first()).isEqualTo(1);
        assertThat(first.last()).isEqualTo(25);
        Pager last = Pager.of(new Page<>(List.of(), 2, 25, 60), "/ui/certificates", filters);
        assertThat(last.nextUrl()).isNull();
        assertThat(last.previousUrl()).isEqualTo("/ui/certificates?q=a%26b+c&page=1");
        assertThat(last.last()).isEqualTo(60);
        assertThat(Pager.of(new Page<>(List.of(), 0, 25, 0), "/x", Map.of()).first()).isZero();
    }

    @Test
    void shellQuotingSurvivesQuotes() {
        assertThat(EnrollmentInstructions.shellQuote("CN=it's")).isEqualTo("'CN=it'\\''s'");
    }
}
