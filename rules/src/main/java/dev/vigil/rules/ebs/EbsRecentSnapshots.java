package dev.vigil.rules.ebs;

import dev.vigil.core.model.EbsSnapshot;
import dev.vigil.core.model.EbsVolume;
import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.Value;
import dev.vigil.core.remedy.SnapshotVolume;
import dev.vigil.core.rule.Category;
import dev.vigil.core.rule.Findings;
import dev.vigil.core.rule.Risk;
import dev.vigil.core.rule.Rule;
import dev.vigil.core.rule.RuleInfo;
import dev.vigil.core.rule.RuleSetting;
import dev.vigil.core.rule.Setting;
import dev.vigil.rules.Age;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One check per EBS volume: its newest restorable snapshot (completed, or pending: the point in time is already
 * taken) must have started within the setting's days. A template volume has no ID, hence no snapshots, before it is
 * created: UNKNOWN. A snapshot whose volume, start or state could not be read may be the recent one, so a volume
 * without a known recent snapshot is then an ERROR, not a failure.
 */
@RuleInfo(id = "EBS-004", title = "EBS Volumes Recent Snapshots", risk = Risk.MEDIUM,
        categories = Category.RELIABILITY,
        compliances = {"AWAF", "HIPAA", "ISO27001", "NIST4", "NIST5", "SOC2"},
        controls = {"AWAF:REL09-BP01", "AWAF:REL09-BP03", "HIPAA:164.308(a)(7)(ii)(A)", "ISO27001:A.12.3.1",
                "NIST4:CP-9", "NIST5:CP-9", "SOC2:A1.2"},
        service = "EBS", resource = EbsVolume.class, reads = EbsSnapshot.class, remedy = SnapshotVolume.class,
        settings = @RuleSetting(name = EbsRecentSnapshots.MAXIMUM_AGE, label = "Newest snapshot at most (days old)",
                type = Setting.Type.INTEGER, value = "7", min = 1, max = 3650))
public final class EbsRecentSnapshots implements Rule {

    static final String MAXIMUM_AGE = "maximumSnapshotAge";
    /** The states of a snapshot a volume can be restored from (pending: once it completes). */
    private static final Set<String> RESTORABLE = Set.of("completed", "pending");

    private final Clock clock;

    public EbsRecentSnapshots() {
        this(Clock.systemUTC());
    }

    EbsRecentSnapshots(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void evaluate(Inventory inventory, Findings findings) {
        long days = findings.integer(MAXIMUM_AGE);
        Instant now = clock.instant();
        Map<String, List<EbsSnapshot>> byScope = inventory.all(EbsSnapshot.class).stream()
                .collect(Collectors.groupingBy(s -> s.origin().scope()));
        for (EbsVolume volume : inventory.all(EbsVolume.class)) {
            String volumeId;
            switch (volume.volumeId()) {
                case Value.Known<String> known -> volumeId = known.value();
                case Value.Unknown<String> u -> {
                    findings.unknown(volume, "Snapshots are taken of a volume once it exists: a template cannot say "
                            + "whether this one will have a recent snapshot (" + u.expression() + ")");
                    continue;
                }
                case Value.Failed<String> f -> {
                    findings.error(volume, "The volume's ID could not be read: " + f.cause());
                    continue;
                }
            }
            List<EbsSnapshot> snapshots = byScope.getOrDefault(volume.origin().scope(), List.of());
            List<Taken> taken = new ArrayList<>();
            List<String> undecided = new ArrayList<>();
            for (EbsSnapshot s : snapshots) {
                if (s.volumeId() instanceof Value.Known<String> source && !source.value().equals(volumeId)) {
                    continue;
                }
                if (s.volumeId() instanceof Value.Known<String> && s.startTime() instanceof Value.Known<Instant> start
                        && s.state() instanceof Value.Known<String> state) {
                    if (RESTORABLE.contains(state.value())) {
                        taken.add(new Taken(s.name(), start.value(), state.value()));
                    }
                } else {
                    undecided.add(s.name() + " (" + unread(s) + ")");
                }
            }
            report(volume, volumeId, days, now, taken.stream().max(Comparator.comparing(Taken::start)).orElse(null),
                    undecided, findings);
        }
    }

    private record Taken(String snapshot, Instant start, String state) {}

    private static void report(EbsVolume volume, String volumeId, long days, Instant now, Taken newest,
                               List<String> undecided, Findings findings) {
        Instant cutoff = now.minus(Duration.ofDays(days));
        if (newest != null && !newest.start().isBefore(cutoff)) {
            findings.pass(volume, "Newest snapshot " + newest.snapshot() + " was started "
                    + Age.ago(newest.start(), now)
                    + (newest.state().equals("pending") ? " and is still being taken" : "")
                    + ", within " + days + " days");
        } else if (!undecided.isEmpty()) {
            findings.error(volume, "Whether a recent snapshot exists cannot be decided: " + String.join("; ", undecided));
        } else {
            findings.fail(volume, newest == null ? "The volume has no snapshot"
                            : "Newest snapshot " + newest.snapshot() + " was started " + Age.ago(newest.start(), now)
                            + ", more than " + days + " days ago",
                    new SnapshotVolume(volumeId, Long.toString(days)));
        }
    }

    /** What could not be read of a snapshot that may be of this volume. */
    private static String unread(EbsSnapshot s) {
        List<String> causes = new ArrayList<>();
        addCause(causes, "volume", s.volumeId());
        addCause(causes, "start time", s.startTime());
        addCause(causes, "state", s.state());
        return String.join(", ", causes);
    }

    private static void addCause(List<String> causes, String what, Value<?> value) {
        switch (value) {
            case Value.Known<?> k -> { }
            case Value.Unknown<?> u -> causes.add(what + " unknown: " + u.expression());
            case Value.Failed<?> f -> causes.add(what + " not read: " + f.cause());
        }
    }
}
