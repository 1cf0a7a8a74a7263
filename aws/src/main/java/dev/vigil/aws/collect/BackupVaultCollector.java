package dev.vigil.aws.collect;

import dev.vigil.core.model.AccessPolicy;
import dev.vigil.core.model.BackupVault;
import dev.vigil.core.model.EncryptionKey;
import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.Resource;
import dev.vigil.core.model.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.BackupVaultListMember;
import software.amazon.awssdk.services.backup.model.DescribeBackupVaultResponse;
import software.amazon.awssdk.services.backup.model.ListBackupVaultsResponse;
import software.amazon.awssdk.services.backup.model.ResourceNotFoundException;

/**
 * Backup vaults from ListBackupVaults (1,000 a page), with only what the selected rules read: the access policy
 * (GetBackupVaultAccessPolicy, one per vault: AWS Backup has no call that returns several) and who manages the
 * encryption key (kms:DescribeKey, once per distinct key in the region, see {@link KeyManagers}). A re-check describes
 * the named vaults only.
 */
public final class BackupVaultCollector implements Collector {

    static final String LIST = "backup:ListBackupVaults";
    static final String POLICY = "backup:GetBackupVaultAccessPolicy";
    static final String DESCRIBE = "backup:DescribeBackupVault";
    private static final Pages<ListBackupVaultsResponse, BackupVaultListMember> PAGES = new Pages<>(LIST,
            "BackupVaultList", ListBackupVaultsResponse::hasBackupVaultList, ListBackupVaultsResponse::backupVaultList,
            ListBackupVaultsResponse::nextToken);
    private static final String NOT_READ = "not read: no selected rule reads it";

    /** What the listing and DescribeBackupVault both say of a vault. */
    private record Listed(String name, String arn, String keyArn, String keyType) {}

    @Override
    public Class<? extends Resource> kind() {
        return BackupVault.class;
    }

    @Override
    public List<String> iamActions() {
        return iamActions(Reads.ALL);
    }

    @Override
    public List<String> iamActions(Reads reads) {
        Set<String> actions = new LinkedHashSet<>(List.of(LIST));
        if (reads.has("accessPolicy")) {
            actions.add(POLICY);
        }
        if (reads.has("encryptionKey")) {
            actions.add(KeyManagers.DESCRIBE);
        }
        return List.copyOf(actions);
    }

    /** Each names its vault in {@code requestParameters.backupVaultName}. */
    @Override
    public List<EventTrigger> triggers() {
        return List.of(EventTrigger.named("backup.amazonaws.com", new EventTrigger.Names("backup-vault:", false),
                List.of("requestParameters.backupVaultName"), "CreateBackupVault", "DeleteBackupVault",
                "PutBackupVaultAccessPolicy", "DeleteBackupVaultAccessPolicy"));
    }

    @Override
    public void collect(RegionContext region, Inventory into) {
        collect(region, Reads.ALL, into);
    }

    @Override
    public void collect(RegionContext region, Reads reads, Inventory into) {
        BackupClient client = region.connection().client(BackupClient::builder, region.region());
        List<Listed> vaults = new ArrayList<>();
        long incomplete = 0;
        for (BackupVaultListMember v : PAGES.all(client.listBackupVaultsPaginator(r -> r.maxResults(1000)))) {
            if (v.backupVaultName() == null || v.backupVaultArn() == null) {
                incomplete++;
            } else {
                vaults.add(new Listed(v.backupVaultName(), v.backupVaultArn(), v.encryptionKeyArn(),
                        v.encryptionKeyTypeAsString()));
            }
        }
        vaults.forEach(v -> into.add(describe(region, client, reads, v)));
        if (incomplete > 0) {
            throw new CollectionException(LIST, "AWS answered " + incomplete + " vault(s) without the BackupVaultName "
                    + "or BackupVaultArn it always sends; they cannot be judged");
        }
    }

    /** One DescribeBackupVault per named vault; a vault that is gone is absent. */
    @Override
    public void collect(RegionContext region, Set<String> names, Inventory into) {
        BackupClient client = region.connection().client(BackupClient::builder, region.region());
        for (String name : names) {
            String vaultName = name.substring(name.lastIndexOf(':') + 1);   // a name, or an ARN ...:backup-vault:NAME
            DescribeBackupVaultResponse v;
            try {
                v = Faults.call(DESCRIBE, () -> client.describeBackupVault(r -> r.backupVaultName(vaultName)));
            } catch (CollectionException e) {
                if (e.getCause() instanceof ResourceNotFoundException) {
                    continue;
                }
                throw e;
            }
            if (v.backupVaultName() == null || v.backupVaultArn() == null) {
                throw new CollectionException(DESCRIBE, "AWS answered without the BackupVaultName or BackupVaultArn it "
                        + "always sends");
            }
            into.add(describe(region, client, Reads.ALL, new Listed(v.backupVaultName(), v.backupVaultArn(),
                    v.encryptionKeyArn(), v.encryptionKeyTypeAsString())));
        }
    }

    private static BackupVault describe(RegionContext region, BackupClient client, Reads reads, Listed v) {
        return new BackupVault(region.origin(), v.arn(), v.name(), v.arn(),
                reads.has("encryptionKey") ? key(region, v) : Value.failed(NOT_READ),
                reads.has("accessPolicy") ? policy(client, v.name()) : Value.failed(NOT_READ));
    }

    /** A logically air-gapped vault may use an AWS owned key, which has no ARN in the account. */
    private static Value<EncryptionKey> key(RegionContext region, Listed v) {
        if (v.keyArn() != null) {
            return KeyManagers.of(region, v.keyArn());
        }
        return "AWS_OWNED_KMS_KEY".equals(v.keyType()) ? Value.known(EncryptionKey.AWS_OWNED)
                : Value.failed("AWS answered without the vault's EncryptionKeyArn, which it always sends");
    }

    /** The vault's policy; a vault without one answers ResourceNotFoundException. */
    private static Value<AccessPolicy> policy(BackupClient client, String vault) {
        String document;
        try {
            document = client.getBackupVaultAccessPolicy(r -> r.backupVaultName(vault)).policy();
        } catch (ResourceNotFoundException none) {
            return Value.known(AccessPolicy.NONE);
        } catch (RuntimeException e) {
            return Value.failed(POLICY + " failed: " + Faults.describe(e));
        }
        if (document == null) {
            return Value.failed(POLICY + " answered without Policy, which it always sends");
        }
        try {
            return AccessPolicy.read(plain(JsonNode.parser().parse(document)));
        } catch (RuntimeException e) {
            return Value.failed(POLICY + " answered a policy that is not JSON");
        }
    }

    /** A JSON node as the plain values {@link AccessPolicy#read} takes. */
    private static Object plain(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> out = new LinkedHashMap<>();
            node.asObject().forEach((key, value) -> out.put(key, plain(value)));
            return out;
        }
        if (node.isArray()) {
            return node.asArray().stream().map(BackupVaultCollector::plain).toList();
        }
        if (node.isString()) {
            return node.asString();
        }
        if (node.isNumber()) {
            return node.asNumber();
        }
        return node.isBoolean() ? node.asBoolean() : "";
    }
}
