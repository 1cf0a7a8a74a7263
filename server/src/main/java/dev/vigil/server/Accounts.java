package dev.vigil.server;

import dev.vigil.service.AccountConfig;
import dev.vigil.store.Run;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The accounts the server knows: those of the config (scheduled, can be scanned now) and those only the store has
 * (written by {@code vigil scan --store}), each with its last run and, when scheduled, its next.
 *
 * @param schedule null for an account that is not in the config
 * @param nextRun  null for an account that is not in the config
 */
record Accounts(String id, String name, boolean configured, List<String> regions, Duration schedule, Run lastRun,
                Instant nextRun) {

    static List<Accounts> all(Backend backend) {
        Set<String> ids = new LinkedHashSet<>();
        backend.service().config().accounts().forEach(a -> ids.add(a.id()));
        ids.addAll(backend.store().runs().accounts());
        List<Accounts> out = new ArrayList<>();
        ids.forEach(id -> one(backend, id).ifPresent(out::add));
        return out;
    }

    static Optional<Accounts> one(Backend backend, String id) {
        Optional<AccountConfig> config = backend.service().config().account(id);
        Optional<Run> last = backend.store().runs().last(id);
        if (config.isEmpty() && last.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Accounts(id, config.map(AccountConfig::label).orElse(last.map(Run::accountName).orElse(id)),
                config.isPresent(), config.map(AccountConfig::regions).orElse(List.of()),
                config.map(AccountConfig::schedule).orElse(null), last.orElse(null),
                config.isPresent() ? backend.service().nextRun(id) : null));
    }
}
