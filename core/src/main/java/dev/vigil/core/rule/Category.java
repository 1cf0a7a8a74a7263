package dev.vigil.core.rule;

/** The six pillars of the AWS Well-Architected Framework. */
public enum Category {
    SECURITY("security"),
    RELIABILITY("reliability"),
    COST_OPTIMISATION("cost-optimisation"),
    PERFORMANCE_EFFICIENCY("performance-efficiency"),
    OPERATIONAL_EXCELLENCE("operational-excellence"),
    SUSTAINABILITY("sustainability");

    private final String slug;

    Category(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }
}
