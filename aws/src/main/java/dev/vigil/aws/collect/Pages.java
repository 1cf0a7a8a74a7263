package dev.vigil.aws.collect;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Reads every page of a listing and checks each as it arrives, so that a listing either completes or fails as a
 * whole: a page without the list AWS always sends (an empty or foreign HTTP 200 body), a next-page token the
 * server already gave (it would loop forever), or more than {@link #MAX_PAGES} pages is a
 * {@link CollectionException} of that operation, never a shorter list.
 *
 * @param operation {@code service:Operation}, for the fault
 * @param field     the list AWS always sends, as its API reference names it
 * @param present   whether a page carries that list (the SDK's {@code hasX()})
 * @param items     the list on a page
 * @param nextToken the page's next-page token, or null on the last page
 */
public record Pages<P, T>(String operation, String field, Predicate<P> present, Function<P, List<T>> items,
                          Function<P, String> nextToken) {

    /** More pages than any real listing has: 100,000 tables or DB instances at 100 per page. */
    static final int MAX_PAGES = 1_000;

    /** Every item, page by page as the SDK paginator fetches them. */
    public List<T> all(Iterable<P> pages) {
        List<T> out = new ArrayList<>();
        Set<String> tokens = new HashSet<>();
        int count = 0;
        try {
            for (P page : pages) {
                if (!present.test(page)) {
                    throw new CollectionException(operation, "AWS answered without " + field
                            + ", which it always sends: the body was empty or not a " + operation + " response");
                }
                out.addAll(items.apply(page));
                String token = nextToken.apply(page);
                if (token != null && !tokens.add(token)) {
                    throw new CollectionException(operation, "AWS returned a next-page token it had already returned"
                            + " (page " + (count + 1) + "): the listing would never end");
                }
                if (++count >= MAX_PAGES && token != null) {
                    throw new CollectionException(operation, "more than " + MAX_PAGES
                            + " pages: the listing was stopped there");
                }
            }
        } catch (CollectionException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CollectionException(operation, e);
        }
        return out;
    }
}
