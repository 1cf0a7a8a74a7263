package dev.vigil.core.remedy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The backup plan Backup-001's article recommends, shared by live remediation and every emitted form:
 * one daily rule at 05:00 UTC into the {@code Default} vault, 8 h start window, 7 day completion
 * window, 35 day retention, assigned with the AWS Backup default service role.
 */
public final class BackupPlanDefaults {

    public static final String PLAN_NAME = "vigil-rds-daily";
    public static final String RULE_NAME = "DailyBackups";
    public static final String VAULT = "Default";
    public static final String SCHEDULE = "cron(0 5 ? * * *)";
    public static final long START_WINDOW_MINUTES = 480;
    public static final long COMPLETION_WINDOW_MINUTES = 10080;
    public static final long DELETE_AFTER_DAYS = 35;
    public static final String ROLE_PATH = "/service-role/";
    public static final String ROLE_NAME = "AWSBackupDefaultServiceRole";
    public static final String ROLE_POLICY = "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup";
    /** Lets AWS Backup assume the role. */
    public static final String ROLE_TRUST_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"backup.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    private BackupPlanDefaults() {
    }

    public static String roleArn(String partition, String account) {
        return "arn:" + partition + ":iam::" + account + ":role" + ROLE_PATH + ROLE_NAME;
    }

    /** Stable per set of instances, so a second run finds the selection the first one made. */
    public static String selectionName(List<String> sortedArns) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", sortedArns).getBytes(StandardCharsets.UTF_8));
            return "vigil-rds-" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
