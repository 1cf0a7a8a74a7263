package dev.vigil.store;

import static dev.vigil.store.Fixtures.ACCOUNT;
import static dev.vigil.store.Fixtures.check;
import static dev.vigil.store.Fixtures.fault;
import static dev.vigil.store.Fixtures.id;
import static dev.vigil.store.Fixtures.scope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.check.Check;
import dev.vigil.core.check.Status;
import dev.vigil.core.model.Fault;
import dev.vigil.core.remedy.EnablePointInTimeRecovery;
import dev.vigil.core.rule.Risk;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The store's behaviour, run on each database by a subclass that says where the store lives. */
abstract class StoreContract {

    protected final TestClock clock = new TestClock();
    protected Store store;

    /** A fresh, empty store location for each test. */
    protected abstract StoreLocation location() throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = Store.open(location(), clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** One run of the account over one region, committed with these checks and faults. */
    protected Run runOnce(String region, List<Check> checks, List<Fault> faults) {
        Run run = store.runs().create(new Runs.NewRun(ACCOUNT, "prod", Run.Trigger.CLI, List.of(region),
                List.of("DynamoDB-003"))).run();
        assertThat(store.runs().startRegion(run.id(), region, "node-a")).isTrue();
        assertThat(store.runs().commitRegion(run.id(), scope(region), checks, faults, 7)).isTrue();
        assertThat(store.runs().closeIfComplete(run.id())).isPresent();
        clock.advance(Duration.ofHours(12));
        return store.runs().get(run.id()).orElseThrow();
    }

    private StoredCheck stored(String region, String table) {
        return store.checks().get(id(region, table)).orElseThrow();
    }

    @Test
    void aNewFailureIsDatedAndKeepsItsDiscoveryDateWhileItKeepsFailing() {
        Instant first = clock.instant();
        runOnce("us-east-1", List.of(check("us-east-1", "orders", Status.FAILURE)), List.of());
        Instant second = clock.instant();
        Run again = runOnce("us-east-1", List.of(check("us-east-1", "orders", Status.FAILURE)), List.of());

        StoredCheck orders = stored("us-east-1", "orders");
        assertThat(orders.created()).isEqualTo(first);
        assertThat(orders.failureDiscovered()).isEqualTo(first);
        assertThat(orders.lastModified()).isEqualTo(second);
        assertThat(store.checks().history(orders.id())).extracting(Checks.Change::kind).containsExactly("NEW");
        assertThat(again.jobs().getFirst().stillFailing()).isEqualTo(Map.of(Risk.HIGH, 1));
        assertThat(again.jobs().getFirst().newFailures()).isZero();
        assertThat(again.outcome()).isEqualTo(Run.Outcome.SUCCEEDED);
        assertThat(again.apiCalls()).isEqualTo(7);
        assertThat(store.runs().accounts()).containsExactly(ACCOUNT);
    }

    @Test
    void aPassingCheckClearsTheDiscoveryDateAndAReturningFailureGetsANewOne() {
        runOnce("us-east-1", List.of(check("us-east-1", "orders", Status.FAILURE)), List.of());
        Run fixed = runOnce("us-east-1", List.of(check("us-east-1", "orders", Status.SUCCESS)), List.of());
        assertThat(stored("us-east-1", "orders").failureDiscovered()).isNull();
        assertThat(fixed.jobs().getFirst().resolved()).isEqualTo(1);

        Instant broken = clock.instant();
        runOnce("us-east-1", List.of(check("us-east-1", "orders", Status.FAILURE)), List.of());
        assertThat(stored("us-east-1", "orders").failureDiscovered()).isEqualTo(broken);
        assertThat(store.checks().history(id("us-east-1", "orders")))
                .extracting(Checks.Change::kind, Checks.Change::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("NEW", Status.FAILURE),
                        org.assertj.core.groups.Tuple.tuple("STATUS", Status.SUCCESS),
                        org.assertj.core.groups.Tuple.tuple("STATUS", Status.FAILURE));
    }

    @Test
    void aResourceThatNoLongerExistsIsResolvedAsGoneNeverDeleted() {
        runOnce("us-east-1", List.of(check("us-east-1", "orders", Status.FAILURE),
                check("us-east-1", "carts", Status.SUCCESS)), List.of());
        Instant when = clock.instant();
        Run run = runOnce("us-east-1", List.of(check("us-east-1", "carts", Status.SUCCESS)), List.of());

        StoredCheck orders = stored("us-east-1", "orders");
        assertThat(orders.gone()).isEqualTo(when);
        assertThat(orders.failing()).isFalse();
        assertThat(orders.failureDiscovered()).isNull();
        Diff diff = store.runs().diff(run.id()).orElseThrow();
        assertThat(diff.resolved()).singleElement().satisfies(i -> {
            assertThat(i.checkId()).isEqualTo(id("us-east-1", "orders"));
            assertThat(i.gone()).isTrue();
        });
        assertThat(store.checks().list(CheckFilter.ALL)).extracting(StoredCheck::resourceName).containsExactly("carts");
        assertThat(store.checks().list(new CheckFilter(null, null, null, null, null, true, 0))).hasSize(2);
    }

    @Test
    void aFaultKeepsThePreviousChecksOfItsScopeAsTheyWere() {
        runOnce("us-east-1", List.of(check("us-east-1", "orders", Status.FAILURE)), List.of());
        Run faulted = runOnce("us-east-1", List.of(), List.of(fault("us-east-1")));

        StoredCheck orders = stored("us-east-1", "orders");
        assertThat(orders.status()).isEqualTo(Status.FAILURE);
        assertThat(orders.gone()).isNull();
        assertThat(store.checks().history(orders.id())).hasSize(1);
        assertThat(faulted.jobs().getFirst().resolved()).isZero();
        assertThat(faulted.jobs().getFirst().stillFailing()).isEqualTo(Map.of(Risk.HIGH, 1));
    }

    @Test
    void anErrorKeepsTheStatusOfAnExistingCheckAndIsStoredAsErrorWhenNew() {
        runOnce("us-east-1", List.of(check("us-east-1", "orders", Status.FAILURE)), List.of());
        Run errored = runOnce("us-east-1", List.of(check("us-east-1", "orders", Status.ERROR),
                check("us-east-1", "fresh", Status.ERROR)), List.of());

        StoredCheck orders = stored("us-east-1", "orders");
        assertThat(orders.status()).isEqualTo(Status.FAILURE);
        assertThat(orders.lastError()).isEqualTo("ok");
        assertThat(orders.lastErrorAt()).isNotNull();
        assertThat(stored("us-east-1", "fresh").status()).isEqualTo(Status.ERROR);
        assertThat(errored.jobs().getFirst().newFailures()).isZero();
        assertThat(errored.jobs().getFirst().resolved()).isZero();
        assertThat(errored.jobs().getFirst().errors()).isEqualTo(2);
        assertThat(errored.outcome()).isEqualTo(Run.Outcome.PARTIAL);
    }

    @Test
    void aJobOnlyTouchesItsOwnRegionAndRules() {
        runOnce("us-east-1", List.of(check("us-east-1", "orders", Status.FAILURE)), List.of());
        runOnce("eu-west-1", List.of(check("eu-west-1", "invoices", Status.FAILURE)), List.of());
        assertThat(stored("us-east-1", "orders").gone()).isNull();
        assertThat(store.checks().list(CheckFilter.ALL.withStatus(Status.FAILURE))).hasSize(2);
    }

    @Test
    void aRedoneCommitChangesNothing() {
        Run run = store.runs().create(new Runs.NewRun(ACCOUNT, "prod", Run.Trigger.SCHEDULE,
                List.of("us-east-1", "eu-west-1"), List.of("DynamoDB-003"))).run();
        List<Check> checks = List.of(check("us-east-1", "orders", Status.FAILURE));
        assertThat(store.runs().startRegion(run.id(), "us-east-1", "node-a")).isTrue();
        assertThat(store.runs().commitRegion(run.id(), scope("us-east-1"), checks, List.of(), 3)).isTrue();
        // the node died after its commit; another runs the job again
        assertThat(store.runs().startRegion(run.id(), "us-east-1", "node-b")).isFalse();
        assertThat(store.runs().commitRegion(run.id(), scope("us-east-1"), checks, List.of(), 3)).isFalse();
        assertThat(store.checks().history(id("us-east-1", "orders"))).hasSize(1);
        assertThat(store.runs().closeIfComplete(run.id())).as("eu-west-1 is still pending").isEmpty();

        assertThat(store.runs().startRegion(run.id(), "eu-west-1", "node-b")).isTrue();
        store.runs().commitRegion(run.id(), scope("eu-west-1"), List.of(), List.of(), 1);
        Run closed = store.runs().closeIfComplete(run.id()).orElseThrow();
        assertThat(closed.outcome()).isEqualTo(Run.Outcome.SUCCEEDED);
        assertThat(closed.apiCalls()).isEqualTo(4);
        assertThat(closed.jobs()).extracting(RunRegion::node).containsExactly("node-b", "node-a");
        assertThat(store.runs().closeIfComplete(run.id())).as("closed exactly once").isEmpty();
    }

    @Test
    void anAccountHasOneOpenRunAndAnotherRequestJoinsIt() {
        Runs.NewRun asked = new Runs.NewRun(ACCOUNT, "prod", Run.Trigger.SCHEDULE, List.of("us-east-1"), List.of());
        Runs.Created first = store.runs().create(asked);
        Runs.Created second = store.runs().create(new Runs.NewRun(ACCOUNT, "prod", Run.Trigger.ON_DEMAND,
                List.of("us-east-1"), List.of()));
        assertThat(first.created()).isTrue();
        assertThat(second.created()).isFalse();
        assertThat(second.run().id()).isEqualTo(first.run().id());

        store.runs().end(first.run().id(), Run.Outcome.FAILED, "lost the database");
        assertThat(store.runs().get(first.run().id()).orElseThrow().error()).isEqualTo("lost the database");
        assertThat(store.runs().startRegion(first.run().id(), "us-east-1", "n")).as("a closed run's job does nothing")
                .isFalse();
        assertThat(store.runs().create(asked).created()).isTrue();
        assertThat(store.runs().list(ACCOUNT, 10)).hasSize(2);
    }

    @Test
    void theDiffListsNewFailuresResolvedAndStillFailingPerRisk() {
        runOnce("us-east-1", List.of(check("us-east-1", "a", Status.FAILURE), check("us-east-1", "b", Status.FAILURE)),
                List.of());
        Run run = runOnce("us-east-1", List.of(check("us-east-1", "a", Status.FAILURE),
                check("us-east-1", "b", Status.SUCCESS), check("us-east-1", "c", Status.FAILURE)), List.of());
        Diff diff = store.runs().diff(run.id()).orElseThrow();
        assertThat(diff.newFailures()).extracting(Diff.Item::resourceName).containsExactly("c");
        assertThat(diff.resolved()).extracting(Diff.Item::resourceName, Diff.Item::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("b", Status.SUCCESS));
        assertThat(diff.stillFailing()).isEqualTo(Map.of(Risk.HIGH, 1));
        assertThat(Diff.byRisk(diff.newFailures())).isEqualTo(Map.of(Risk.HIGH, 1));
    }

    @Test
    void suppressionsNeedANoteLapseByThemselvesAndAreAudited() {
        runOnce("us-east-1", List.of(check("us-east-1", "orders", Status.FAILURE)), List.of());
        String id = id("us-east-1", "orders");
        assertThatThrownBy(() -> store.checks().suppress(id, " ", null, "alice"))
                .hasMessageContaining("needs a note");
        Instant until = clock.instant().plus(Duration.ofDays(2));
        StoredCheck suppressed = store.checks().suppress(id, "rebuilt nightly", until, "alice");
        assertThat(suppressed.suppressedAt(clock.instant())).isTrue();
        assertThat(suppressed.suppression().by()).isEqualTo("alice");
        clock.advance(Duration.ofDays(3));
        assertThat(store.checks().get(id).orElseThrow().suppressedAt(clock.instant())).as("lapsed").isFalse();

        store.checks().unsuppress(id, "fixed upstream", "bob");
        assertThat(store.checks().get(id).orElseThrow().suppression()).isNull();
        assertThat(store.checks().audit(id)).extracting(Checks.AuditEntry::action, Checks.AuditEntry::actor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("SUPPRESS", "alice"),
                        org.assertj.core.groups.Tuple.tuple("UNSUPPRESS", "bob"));
        assertThatThrownBy(() -> store.checks().suppress("ccc:nope", "x", null, "a"))
                .hasMessageContaining("no check ccc:nope");
    }

    @Test
    void aSuppressedFailureIsLeftOutOfTheCounts() {
        runOnce("us-east-1", List.of(check("us-east-1", "orders", Status.FAILURE)), List.of());
        store.checks().suppress(id("us-east-1", "orders"), "accepted risk", null, "alice");
        Run run = runOnce("us-east-1", List.of(check("us-east-1", "orders", Status.FAILURE)), List.of());
        assertThat(run.jobs().getFirst().stillFailing()).isEmpty();
        assertThat(store.checks().list(CheckFilter.ALL)).singleElement()
                .satisfies(c -> assertThat(c.suppressedAt(clock.instant())).isTrue());
    }

    @Test
    void deliveriesAreCreatedOncePerRunAndEveryAttemptIsKept() {
        Run run = runOnce("us-east-1", List.of(check("us-east-1", "orders", Status.FAILURE)), List.of());
        assertThat(store.runs().unnotified()).containsExactly(run.id());
        List<Deliveries.Target> targets = List.of(new Deliveries.Target("ops", "slack"),
                new Deliveries.Target("audit", "webhook"));
        assertThat(store.deliveries().createForRun(run.id(), targets)).hasSize(2);
        assertThat(store.deliveries().createForRun(run.id(), targets)).as("idempotent").hasSize(2);
        assertThat(store.runs().unnotified()).isEmpty();

        String ops = run.id() + "/ops";
        store.deliveries().recordAttempt(ops, "node-a", Delivery.Outcome.RETRY, "HTTP 503");
        store.deliveries().recordAttempt(ops, "node-a", Delivery.Outcome.SENT, null);
        Delivery delivery = store.deliveries().get(ops).orElseThrow();
        assertThat(delivery.state()).isEqualTo(Delivery.State.SENT);
        assertThat(delivery.attempts()).extracting(Delivery.Attempt::outcome, Delivery.Attempt::error)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Delivery.Outcome.RETRY, "HTTP 503"),
                        org.assertj.core.groups.Tuple.tuple(Delivery.Outcome.SENT, null));
        assertThat(store.deliveries().pending()).extracting(Delivery::channel).containsExactly("audit");
    }

    @Test
    void aTransactionThatFailsLeavesNothingBehind() {
        Run run = store.runs().create(new Runs.NewRun(ACCOUNT, "prod", Run.Trigger.CLI, List.of("us-east-1"),
                List.of())).run();
        assertThatThrownBy(() -> store.runs().commitRegion(run.id(), scope("us-west-2"), List.of(), List.of(), 0))
                .hasMessageContaining("no job for us-west-2");
        assertThatThrownBy(() -> store.transaction(c -> {
            try (var s = c.prepareStatement("UPDATE runs SET account_name = 'changed' WHERE id = ?")) {
                s.setString(1, run.id());
                s.executeUpdate();
            }
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(store.runs().get(run.id()).orElseThrow().accountName()).isEqualTo("prod");
    }

    @Test
    void aFailingCheckKeepsItsFixAndLosesItWhenItPasses() {
        runOnce("us-east-1", List.of(check("us-east-1", "orders", Status.FAILURE)), List.of());
        assertThat(stored("us-east-1", "orders").remedy()).isEqualTo(new EnablePointInTimeRecovery("orders"));
        runOnce("us-east-1", List.of(check("us-east-1", "orders", Status.SUCCESS)), List.of());
        assertThat(stored("us-east-1", "orders").remedy()).isNull();
    }

    @Test
    void aQueryFiltersSortsPagesAndCounts() {
        runOnce("us-east-1", List.of(check("us-east-1", "a", Status.FAILURE), check("us-east-1", "b", Status.SUCCESS),
                check("us-east-1", "c", Status.FAILURE)), List.of());
        runOnce("eu-west-1", List.of(check("eu-west-1", "d", Status.FAILURE)), List.of());
        store.checks().suppress(id("us-east-1", "c"), "accepted", null, "alice");

        CheckQuery failing = CheckQuery.ALL.withStatuses(Set.of(Status.FAILURE));
        assertThat(store.checks().count(failing)).isEqualTo(3);
        assertThat(store.checks().count(failing.withSuppressed(false))).isEqualTo(2);
        assertThat(store.checks().count(failing.withSuppressed(true))).isEqualTo(1);
        assertThat(store.checks().count(failing.withRegions(Set.of("eu-west-1")))).isEqualTo(1);
        assertThat(store.checks().count(failing.withRuleIds(Set.of()))).as("an empty set selects nothing").isZero();
        assertThat(store.checks().count(CheckQuery.ALL.withRisks(Set.of(Risk.LOW)))).isZero();
        assertThat(store.checks().count(CheckQuery.ALL.withAccounts(Set.of(ACCOUNT, "999999999999")))).isEqualTo(4);

        Checks.Page first = store.checks().page(CheckQuery.ALL.sortedBy(CheckQuery.Sort.RESOURCE, true), 0, 3);
        assertThat(first.total()).isEqualTo(4);
        assertThat(first.checks()).extracting(StoredCheck::resourceName).containsExactly("d", "c", "b");
        assertThat(store.checks().page(CheckQuery.ALL.sortedBy(CheckQuery.Sort.RESOURCE, true), 3, 3).checks())
                .extracting(StoredCheck::resourceName).containsExactly("a");
        assertThat(store.checks().page(CheckQuery.ALL.sortedBy(CheckQuery.Sort.STATUS, false), 0, 10).checks())
                .extracting(StoredCheck::status).endsWith(Status.SUCCESS);
    }

    @Test
    void countsGroupTheCurrentChecksAndKeepSuppressedOnesApart() {
        runOnce("us-east-1", List.of(check("us-east-1", "a", Status.FAILURE), check("us-east-1", "b", Status.FAILURE),
                check("us-east-1", "c", Status.SUCCESS)), List.of());
        store.checks().suppress(id("us-east-1", "b"), "accepted", null, "alice");
        assertThat(store.checks().counts()).containsExactlyInAnyOrder(
                new Checks.Count(ACCOUNT, "DynamoDB-003", Status.FAILURE, Risk.HIGH, false, 1),
                new Checks.Count(ACCOUNT, "DynamoDB-003", Status.FAILURE, Risk.HIGH, true, 1),
                new Checks.Count(ACCOUNT, "DynamoDB-003", Status.SUCCESS, Risk.HIGH, false, 1));
    }

    @Test
    void theTrendCountsFailingChecksAtTheEndOfEachDay() {
        // day 1: a and b fail; day 2: b passes, c fails; day 3: a is gone; day 4: nothing runs
        runOnce("us-east-1", List.of(check("us-east-1", "a", Status.FAILURE), check("us-east-1", "b", Status.FAILURE)),
                List.of());
        clock.advance(Duration.ofHours(12));
        runOnce("us-east-1", List.of(check("us-east-1", "a", Status.FAILURE), check("us-east-1", "b", Status.SUCCESS),
                check("us-east-1", "c", Status.FAILURE)), List.of());
        clock.advance(Duration.ofHours(12));
        runOnce("us-east-1", List.of(check("us-east-1", "b", Status.SUCCESS), check("us-east-1", "c", Status.FAILURE)),
                List.of());
        clock.advance(Duration.ofHours(12));
        assertThat(store.checks().failingTrend(5)).extracting(Checks.DayCount::failing).containsExactly(0L, 2L, 2L, 1L, 1L);
        assertThat(store.checks().failingTrend(5).getLast().day()).isEqualTo(java.time.LocalDate.ofInstant(clock.instant(),
                java.time.ZoneOffset.UTC));
    }

    @Test
    void anApiKeyIsShownOnceKeptHashedAndStopsWorkingWithItsSessionsWhenRevoked() throws Exception {
        ApiKeys.Created created = store.apiKeys().create("ci", true);
        assertThat(created.secret()).startsWith("vigil_").hasSizeGreaterThan(40);
        assertThat(store.apiKeys().authenticate(created.secret())).hasValueSatisfying(k -> {
            assertThat(k.name()).isEqualTo("ci");
            assertThat(k.readOnly()).isTrue();
        });
        assertThat(store.apiKeys().authenticate(created.secret() + "x")).isEmpty();
        assertThat(store.apiKeys().authenticate("nonsense")).isEmpty();
        store.transaction(c -> {
            try (var s = c.createStatement(); var r = s.executeQuery("SELECT key_hash FROM api_keys")) {
                r.next();
                assertThat(r.getString(1)).hasSize(64).isNotEqualTo(created.secret()).doesNotContain(created.secret());
            }
            return null;
        });
        assertThatThrownBy(() -> store.apiKeys().create("ci", false)).hasMessageContaining("already named 'ci'");

        String session = store.apiKeys().openSession(created.key(), Duration.ofHours(1));
        assertThat(store.apiKeys().session(session)).hasValueSatisfying(s -> assertThat(s.csrfToken()).hasSizeGreaterThan(20));
        clock.advance(Duration.ofMinutes(61));
        assertThat(store.apiKeys().session(session)).as("expired").isEmpty();
        String again = store.apiKeys().openSession(created.key(), Duration.ofHours(1));

        assertThat(store.apiKeys().revoke("ci").revoked()).isNotNull();
        assertThat(store.apiKeys().authenticate(created.secret())).isEmpty();
        assertThat(store.apiKeys().session(again)).isEmpty();
        assertThatThrownBy(() -> store.apiKeys().revoke("ci")).hasMessageContaining("no active API key");
        assertThat(store.apiKeys().create("ci", false).key().readOnly()).isFalse();
        assertThat(store.apiKeys().list()).extracting(ApiKeys.ApiKey::active).containsExactly(false, true);
    }
}
