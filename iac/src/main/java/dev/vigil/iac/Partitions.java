package dev.vigil.iac;

/** The AWS partition of a region, for the ARNs templates synthesize. */
public final class Partitions {

    private Partitions() {
    }

    /** {@code aws-cn} for China regions, {@code aws-us-gov} for GovCloud, else (also for null) {@code aws}. */
    public static String of(String region) {
        String name = region == null ? "" : region;
        return name.startsWith("cn-") ? "aws-cn" : name.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }
}
