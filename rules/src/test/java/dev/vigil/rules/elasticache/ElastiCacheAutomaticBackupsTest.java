package dev.vigil.rules.elasticache;

import static dev.vigil.rules.Fixtures.ACCOUNT;
import static dev.vigil.rules.Fixtures.live;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.check.Status;
import dev.vigil.core.model.ElastiCacheCluster;
import dev.vigil.core.model.ElastiCacheCluster.Type;
import dev.vigil.core.model.Value;
import dev.vigil.core.remedy.SetCacheClusterSnapshotRetention;
import dev.vigil.core.remedy.SetReplicationGroupSnapshotRetention;
import dev.vigil.rules.RuleTester;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ElastiCacheAutomaticBackupsTest {

    private static String arn(Type type, String name) {
        return "arn:aws:elasticache:us-east-1:" + ACCOUNT + ":"
                + (type == Type.REPLICATION_GROUP ? "replicationgroup:" : "cluster:") + name;
    }

    private static ElastiCacheCluster cache(Type type, String name, String engine, Value<Long> limit) {
        return new ElastiCacheCluster(live("us-east-1"), arn(type, name), name, arn(type, name), type, engine, limit);
    }

    private static RuleTester given() {
        return RuleTester.rule(new ElastiCacheAutomaticBackups())
                .given(cache(Type.REPLICATION_GROUP, "sessions", "redis", Value.known(5L)),
                        cache(Type.REPLICATION_GROUP, "queue", "valkey", Value.known(0L)),
                        cache(Type.CACHE_CLUSTER, "single", "redis", Value.known(0L)),
                        cache(Type.CACHE_CLUSTER, "pages", "memcached", Value.known(0L)),
                        cache(Type.REPLICATION_GROUP, "unread", "redis",
                                Value.failed("AWS did not report SnapshotRetentionLimit")));
    }

    @Test
    void valkeyAndRedisCachesNeedAutomaticBackupsMemcachedIsNotJudged() {
        RuleTester t = given().evaluate()
                .statuses(Map.of(arn(Type.REPLICATION_GROUP, "sessions"), Status.SUCCESS,
                        arn(Type.REPLICATION_GROUP, "queue"), Status.FAILURE,
                        arn(Type.CACHE_CLUSTER, "single"), Status.FAILURE,
                        arn(Type.REPLICATION_GROUP, "unread"), Status.ERROR));
        assertThat(t.check(arn(Type.REPLICATION_GROUP, "queue")).remedy())
                .isEqualTo(new SetReplicationGroupSnapshotRetention("queue", "1"));
        assertThat(t.check(arn(Type.CACHE_CLUSTER, "single")).remedy())
                .isEqualTo(new SetCacheClusterSnapshotRetention("single", "1"));
        assertThat(t.check(arn(Type.CACHE_CLUSTER, "single")).message())
                .isEqualTo("Backup retention limit is 0: no automatic backups are taken");
    }

    @Test
    void theMinimumIsASetting() {
        RuleTester t = given().setting("minimumRetentionPeriod", "7").evaluate();
        assertThat(t.check(arn(Type.REPLICATION_GROUP, "sessions")).status()).isEqualTo(Status.FAILURE);
        assertThat(t.check(arn(Type.REPLICATION_GROUP, "sessions")).remedy())
                .isEqualTo(new SetReplicationGroupSnapshotRetention("sessions", "7"));
    }

    @Test
    void cloudFormationCachesAreJudgedByTheirRetentionLimit() {
        RuleTester t = RuleTester.rule(new ElastiCacheAutomaticBackups())
                .givenCloudFormation("elasticache.yaml")
                .evaluate()
                .statuses(Map.of("Sessions", Status.SUCCESS, "Queue", Status.FAILURE,
                        "ValkeyFromParameter", Status.UNKNOWN, "Single", Status.SUCCESS,
                        "SingleWithout", Status.FAILURE, "EngineFromParameter", Status.UNKNOWN));
        assertThat(t.check("Sessions").resourceName()).isEqualTo("sessions");
        assertThat(t.check("Queue").remedy()).isEqualTo(new SetReplicationGroupSnapshotRetention("Queue", "1"));
        assertThat(t.check("SingleWithout").remedy())
                .isEqualTo(new SetCacheClusterSnapshotRetention("single-without", "1"));
        assertThat(t.check("ValkeyFromParameter").message()).contains("!Ref Limit");
        assertThat(t.check("EngineFromParameter").message()).contains("engine cannot be resolved");
    }

    @Test
    void terraformCachesAreJudgedByTheirRetentionLimitAndGroupMembersThroughTheirGroup() {
        RuleTester.rule(new ElastiCacheAutomaticBackups())
                .givenTerraform("elasticache")
                .evaluate()
                .statuses(Map.of("aws_elasticache_replication_group.sessions", Status.SUCCESS,
                        "aws_elasticache_replication_group.queue", Status.FAILURE,
                        "aws_elasticache_cluster.single", Status.SUCCESS,
                        "aws_elasticache_cluster.single_without", Status.FAILURE));
    }
}
