package dev.vigil.aws.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Listings page by page, over in-memory pages: what a paginator would fetch, and when it must stop. */
class PagesTest {

    /** A page as a listing returns it: its items (null when the body lacked them) and its next-page token. */
    private record Page(List<String> items, String next) {}

    private static final Pages<Page, String> LISTING = new Pages<>("svc:ListThings", "Things",
            p -> p.items() != null, Page::items, Page::next);

    /** Pages made on demand, counting how many were fetched. */
    private static Iterable<Page> fetched(AtomicInteger count, IntFunction<Page> page) {
        return () -> new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Page next() {
                return page.apply(count.getAndIncrement());
            }
        };
    }

    @Test
    void everyItemOfEveryPageUntilTheLastOne() {
        assertThat(LISTING.all(List.of(new Page(List.of("a", "b"), "t1"), new Page(List.of(), "t2"),
                new Page(List.of("c"), null)))).containsExactly("a", "b", "c");
    }

    @Test
    void aRepeatedNextPageTokenStopsTheListingBeforeFetchingAgain() {
        AtomicInteger count = new AtomicInteger();
        assertThatThrownBy(() -> LISTING.all(fetched(count, n -> new Page(List.of("x" + n), n == 0 ? "t0" : "t1"))))
                .isInstanceOf(CollectionException.class)
                .hasMessage("AWS returned a next-page token it had already returned (page 3): the listing would never end")
                .satisfies(e -> assertThat(((CollectionException) e).operation()).isEqualTo("svc:ListThings"));
        assertThat(count).hasValue(3);
    }

    @Test
    void freshTokensForeverStopAtThePageCap() {
        AtomicInteger count = new AtomicInteger();
        assertThatThrownBy(() -> LISTING.all(fetched(count, n -> new Page(List.of("x"), "t" + n))))
                .isInstanceOf(CollectionException.class)
                .hasMessage("more than " + Pages.MAX_PAGES + " pages: the listing was stopped there");
        assertThat(count).hasValue(Pages.MAX_PAGES);
    }

    @Test
    void aPageWithoutTheListIsAFaultNotAnEmptyPage() {
        assertThatThrownBy(() -> LISTING.all(List.of(new Page(List.of("a"), "t1"), new Page(null, null))))
                .isInstanceOf(CollectionException.class)
                .hasMessage("AWS answered without Things, which it always sends: the body was empty or not a "
                        + "svc:ListThings response");
    }

    @Test
    void aFailedFetchIsAFaultOfTheListing() {
        Iterable<Page> failing = () -> {
            throw SdkClientException.create("Unable to execute HTTP request: Connection reset");
        };
        assertThatThrownBy(() -> LISTING.all(failing)).isInstanceOf(CollectionException.class)
                .hasMessage("Unable to execute HTTP request: Connection reset");
    }
}
