package dev.vigil.core.engine;

import dev.vigil.core.check.Check;
import dev.vigil.core.model.Fault;
import dev.vigil.core.rule.Note;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Everything a scan yields, for reports and sinks. The checks are a sequence read once, produced as it is read
 * (see {@link Engine}), so that a report need not hold them all; notes and faults are small lists. A caller that
 * needs the checks as a list says so with {@link #checkList()}.
 */
public final class ScanResult {

    private final String account;
    private final List<Fault> faults;
    private final Supplier<List<Note>> notes;
    private Iterator<Check> pending;
    private List<Check> collected;

    ScanResult(String account, Iterator<Check> checks, Supplier<List<Note>> notes, List<Fault> faults) {
        this.account = account;
        this.pending = checks;
        this.notes = notes;
        this.faults = List.copyOf(faults);
    }

    /** A result whose checks are already in memory. */
    public static ScanResult of(String account, List<Check> checks, List<Note> notes, List<Fault> faults) {
        List<Note> copy = List.copyOf(notes);
        return new ScanResult(account, List.copyOf(checks).iterator(), () -> copy, faults);
    }

    public String account() {
        return account;
    }

    public List<Fault> faults() {
        return faults;
    }

    /** The checks, in report order; read them once (or use {@link #checkList()}). */
    public Iterable<Check> checks() {
        return collected != null ? collected : this::takePending;
    }

    /** Every check, collected into memory on the first call. */
    public List<Check> checkList() {
        if (collected == null) {
            Iterator<Check> checks = takePending();
            List<Check> list = new ArrayList<>();
            checks.forEachRemaining(list::add);
            collected = Collections.unmodifiableList(list);
        }
        return collected;
    }

    /** The region verdicts; complete once the checks have been read. */
    public List<Note> notes() {
        return notes.get();
    }

    /** This result with every check passed through {@code f} as it is read; this result's checks are handed over. */
    public ScanResult map(UnaryOperator<Check> f) {
        Iterator<Check> source = collected != null ? collected.iterator() : takePending();
        return new ScanResult(account, new Iterator<>() {
            @Override
            public boolean hasNext() {
                return source.hasNext();
            }

            @Override
            public Check next() {
                return f.apply(source.next());
            }
        }, notes, faults);
    }

    /** This result with {@code observer} seeing every check as it is read. */
    public ScanResult peek(Consumer<Check> observer) {
        return map(c -> {
            observer.accept(c);
            return c;
        });
    }

    private Iterator<Check> takePending() {
        if (pending == null) {
            throw new IllegalStateException("the checks of this scan have already been read");
        }
        Iterator<Check> checks = pending;
        pending = null;
        return checks;
    }
}
